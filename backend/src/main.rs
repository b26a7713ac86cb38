use backend::config::Settings;
use backend::startup::Application;
use clap::Parser;
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    let cli = backend::cli::Cli::parse();
    let settings = match Settings::load() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("Good for Me could not start: {e}");
            return ExitCode::from(2);
        }
    };
    backend::telemetry::init(settings.log_json);
    use backend::cli::Command;
    match cli.command {
        None => {}
        Some(Command::Import(a)) => return backend::cli::import::run(a, settings).await,
        Some(Command::Backup(a)) => return backend::cli::backup::run_backup(a, settings).await,
        Some(Command::Restore(a)) => return backend::cli::backup::run_restore(a, settings).await,
    }
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
