use backend::cli::{Cli, Command};
use backend::config::Settings;
use backend::startup::Application;
use clap::Parser;
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    match Cli::parse().command {
        None | Some(Command::Serve) => serve().await,
        Some(command) => backend::cli::run(command).await,
    }
}

/// The server, exactly as with no arguments before there were commands.
async fn serve() -> ExitCode {
    let settings = match Settings::load() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("Good for Me could not start: {e}");
            return ExitCode::from(2);
        }
    };
    backend::telemetry::init(settings.log_json);
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
