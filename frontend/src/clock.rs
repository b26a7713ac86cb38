//! The browser's clock (the host's in unit tests): now, and the local
//! offset from UTC. A leaf: it uses nothing else of the app, so the token
//! store, the words and the offline pieces can all read it.

#[cfg(target_arch = "wasm32")]
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

#[cfg(not(target_arch = "wasm32"))]
pub fn now_ms() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64() * 1000.0)
        .unwrap_or(0.0)
}

/// Minutes to add to UTC to get the browser's local time at that moment
/// (60 in British Summer Time, 0 in winter).
#[cfg(target_arch = "wasm32")]
pub fn local_offset_minutes(at: chrono::DateTime<chrono::Utc>) -> i32 {
    #[allow(clippy::cast_precision_loss)]
    let ms = at.timestamp_millis() as f64;
    let offset = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms)).get_timezone_offset();
    // getTimezoneOffset is UTC minus local, in whole minutes.
    #[allow(clippy::cast_possible_truncation)]
    let minutes = -(offset as i32);
    minutes
}

#[cfg(not(target_arch = "wasm32"))]
pub fn local_offset_minutes(_at: chrono::DateTime<chrono::Utc>) -> i32 {
    0
}

/// Now, as a `DateTime`.
pub fn now() -> chrono::DateTime<chrono::Utc> {
    #[allow(clippy::cast_possible_truncation)]
    let ms = now_ms() as i64;
    chrono::DateTime::from_timestamp_millis(ms).unwrap_or_default()
}
