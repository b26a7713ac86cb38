//! Every page's address. Add a variant here, a title in [`Route::title`], and
//! (if it belongs in the bottom bar) an entry in [`NAV_ITEMS`]; the compiler
//! then points at the `match` in `app::switch` that needs the page.

use yew_router::Routable;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Routable)]
pub enum Route {
    #[at("/")]
    Home,
    #[at("/help")]
    Help,
    #[at("/about")]
    About,
    /// Shown for any address the app does not know. The address bar keeps
    /// what the person typed; only the page changes.
    #[not_found]
    #[at("/404")]
    NotFound,
}

/// The icon drawn beside a bottom-bar label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Icon {
    Home,
    Help,
    About,
}

/// One place in the bottom bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NavItem {
    pub route: Route,
    pub label: &'static str,
    pub icon: Icon,
}

/// The bottom bar, left to right. Keep it to five at most: each needs a
/// thumb-sized target on a 360px-wide phone.
pub const NAV_ITEMS: &[NavItem] = &[
    NavItem {
        route: Route::Home,
        label: "Home",
        icon: Icon::Home,
    },
    NavItem {
        route: Route::Help,
        label: "Get help",
        icon: Icon::Help,
    },
    NavItem {
        route: Route::About,
        label: "About",
        icon: Icon::About,
    },
];

impl Route {
    /// The page's name, used for the browser tab.
    pub fn title(self) -> &'static str {
        match self {
            Route::Home => "Home",
            Route::Help => "Get help now",
            Route::About => "About this app",
            Route::NotFound => "Page not found",
        }
    }

    /// The route for an address, the not-found page when nothing matches.
    pub fn parse(path: &str) -> Route {
        Route::recognize(path).unwrap_or(Route::NotFound)
    }

    /// The bottom-bar entry that should look selected on this page, if any.
    pub fn nav_section(self) -> Option<Route> {
        NAV_ITEMS.iter().map(|item| item.route).find(|r| *r == self)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn known_addresses_parse() {
        assert_eq!(Route::parse("/"), Route::Home);
        assert_eq!(Route::parse("/help"), Route::Help);
        assert_eq!(Route::parse("/about"), Route::About);
        assert_eq!(Route::parse("/about/"), Route::About);
    }

    #[test]
    fn unknown_addresses_show_not_found() {
        assert_eq!(Route::parse("/nope"), Route::NotFound);
        assert_eq!(Route::parse("/about/more"), Route::NotFound);
        assert_eq!(Route::parse("/api/councils"), Route::NotFound);
        assert_eq!(Route::parse("/404"), Route::NotFound);
    }

    #[test]
    fn routes_round_trip_through_their_address() {
        for route in [Route::Home, Route::Help, Route::About, Route::NotFound] {
            assert_eq!(Route::parse(&route.to_path()), route);
        }
    }

    #[test]
    fn every_page_has_a_title() {
        for route in [Route::Home, Route::Help, Route::About, Route::NotFound] {
            assert!(!route.title().is_empty());
        }
    }

    #[test]
    fn bottom_bar_fits_a_phone_and_has_no_duplicates() {
        assert!(NAV_ITEMS.len() <= 5);
        for (i, a) in NAV_ITEMS.iter().enumerate() {
            for b in &NAV_ITEMS[i + 1..] {
                assert_ne!(a.route, b.route);
            }
            assert!(a.label.len() <= 10, "{} is too long for the bar", a.label);
        }
        assert_eq!(Route::NotFound.nav_section(), None);
        assert_eq!(Route::About.nav_section(), Some(Route::About));
    }
}
