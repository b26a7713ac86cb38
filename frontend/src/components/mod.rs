//! Pieces shared by several pages.

pub mod help_panel;
pub mod icons;
pub mod layout;
pub mod nav_link;
