//! Pieces shared by several pages.

pub mod code_card;
pub mod form;
pub mod guard;
pub mod help_panel;
pub mod icons;
pub mod layout;
pub mod nav_link;
