//! Pieces shared by several pages.

pub mod app_notices;
pub mod code_card;
pub mod form;
pub mod guard;
pub mod help_panel;
pub mod icons;
pub mod layout;
pub mod nav_link;
pub mod staff_app;
pub mod unread_link;
