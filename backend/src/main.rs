use backend::cli::{Cli, Command};
use backend::config::Settings;
use backend::startup::Application;
use clap::Parser;
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    match Cli::parse().command {
        None | Some(Command::Serve) => serve().await,
        Some(Command::Worker) => worker().await,
        Some(command) => backend::cli::run(command).await,
    }
}

/// The server, exactly as with no arguments before there were commands.
async fn serve() -> ExitCode {
    let settings = match settings() {
        Ok(s) => s,
        Err(code) => return code,
    };
    let app = match Application::build(settings).await {
        Ok(app) => app,
        Err(e) => {
            tracing::error!(error = %e, "could not start");
            return ExitCode::FAILURE;
        }
    };
    let s = app.state().settings.clone();
    tracing::info!(
        address = %s.bind_addr,
        port = app.port(),
        database = backend::db::backend_name(&app.state().db),
        "Good for Me is listening"
    );
    match app.run_until_stopped().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!(error = %e, "server stopped with an error");
            ExitCode::FAILURE
        }
    }
}

/// The background worker alone (`backend worker`).
async fn worker() -> ExitCode {
    let settings = match settings() {
        Ok(s) => s,
        Err(code) => return code,
    };
    match backend::startup::run_worker(settings).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!(error = %e, "the worker stopped with an error");
            ExitCode::FAILURE
        }
    }
}

/// The settings, with logging set up as they say.
fn settings() -> Result<Settings, ExitCode> {
    let settings = Settings::load().map_err(|e| {
        eprintln!("Good for Me could not start: {e}");
        ExitCode::from(2)
    })?;
    backend::telemetry::init(settings.log_json);
    Ok(settings)
}
