//! Building and running the application: bind, migrate, seed, serve.

use crate::config::Settings;
use crate::error::{json_error, path_error, query_error, ApiError};
use crate::secrets::Keys;
use crate::state::AppState;
use crate::{db, headers, routes, seed};
use actix_web::dev::Server;
use actix_web::{web, App, HttpResponse, HttpServer};
use std::net::TcpListener;
use std::sync::Arc;
use utoipa::OpenApi;

pub struct Application {
    port: u16,
    server: Server,
    state: AppState,
    /// Scheduled jobs and push delivery; see [`Application::push_worker`].
    push_worker: Arc<crate::push::worker::Worker>,
    push_worker_handle: Option<crate::push::worker::WorkerHandle>,
}

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("could not listen on {addr}: {source}")]
    Bind {
        addr: String,
        source: std::io::Error,
    },
    #[error("could not open the database: {0}")]
    Database(#[from] sea_orm::DbErr),
    #[error("could not add the demo people: {0}")]
    Seed(String),
    #[error(transparent)]
    Secrets(#[from] crate::secrets::SecretsError),
    #[error("could not start push delivery: {0}")]
    Push(#[from] crate::push::outbox::PushError),
    #[error("could not set up metrics: {0}")]
    Metrics(#[from] prometheus::Error),
    #[error("could not prepare the data directory {path}: {source}")]
    DataDir {
        path: String,
        source: std::io::Error,
    },
}

impl Application {
    /// Binds (port 0 picks a free port), migrates, seeds reference data
    /// (and demo people when asked), and prepares the server.
    pub async fn build(settings: Settings) -> Result<Application, StartError> {
        data_dir(&settings.data_dir)?;
        let keys = Keys::load_or_create(&settings.data_dir)?;
        let db = db::connect(&settings.database_url).await?;
        db::migrate(&db).await?;
        // Reference data for the councils set up here; Bexley, the demo
        // council, only with demo data (a real council is set up with
        // `backend council create`).
        if settings.demo_data {
            crate::operator::council::demo_bexley(&db)
                .await
                .map_err(|e| StartError::Seed(e.to_string()))?;
        }
        seed::forms::seed(&db).await?;
        seed::forum::seed(&db).await?;
        if settings.demo_data {
            seed::demo::seed(&db)
                .await
                .map_err(|e| StartError::Seed(e.to_string()))?;
        }

        let listener =
            TcpListener::bind(&settings.bind_addr).map_err(|source| StartError::Bind {
                addr: settings.bind_addr.clone(),
                source,
            })?;
        let port = listener
            .local_addr()
            .map_err(|source| StartError::Bind {
                addr: settings.bind_addr.clone(),
                source,
            })?
            .port();

        let tokens = crate::auth::tokens::TokenKeys::new(
            keys.jwt.expose(),
            &settings.jwt_issuer,
            &settings.jwt_audience,
            settings.access_token_minutes,
        )
        .with_previous(
            keys.previous_jwt
                .iter()
                .map(|k| (k.secret.expose(), k.retired_at)),
        );
        let state = AppState {
            audit_log: crate::audit_log::AuditLog::start(db.clone()),
            db,
            tokens: Arc::new(tokens),
            settings: Arc::new(settings),
            keys: Arc::new(keys),
            openapi: Arc::new(openapi()),
            metrics: Arc::new(crate::metrics::Metrics::new()?),
        };
        let mut push_worker =
            crate::push::worker::Worker::new(state.db.clone(), &state.settings, &state.keys)?
                .with_metrics(Arc::clone(&state.metrics));
        // Kinds of scheduled job other modules bring (issue 8: event reminders).
        crate::services::events::register_jobs(push_worker.registry_mut());
        let push_worker = Arc::new(push_worker);
        let server = serve(listener, state.clone())?;
        let push_worker_handle = state
            .settings
            .background_jobs
            .then(|| Arc::clone(&push_worker).start());
        Ok(Application {
            port,
            server,
            state,
            push_worker,
            push_worker_handle,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// The worker for scheduled jobs and push delivery, to run one pass by
    /// hand (`run_once`), whether or not it also runs in the background.
    pub fn push_worker(&self) -> Arc<crate::push::worker::Worker> {
        Arc::clone(&self.push_worker)
    }

    /// Runs until SIGINT/SIGTERM, then finishes in-flight requests and
    /// stops the background worker (what it had claimed and not finished is
    /// picked up again when its lease ends).
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let result = self.server.await;
        if let Some(worker) = self.push_worker_handle {
            worker.stop().await;
        }
        result
    }
}

/// The background worker alone (`backend worker`, the worker's systemd
/// unit): scheduled jobs and push delivery, no web server. It never
/// migrates: it waits for the web server to bring the database up to date,
/// so two processes starting together never both migrate.
pub async fn run_worker(settings: Settings) -> Result<(), StartError> {
    data_dir(&settings.data_dir)?;
    let keys = Keys::load_or_create(&settings.data_dir)?;
    let db = db::connect(&settings.database_url).await?;
    let mut waited = false;
    loop {
        use migrations::MigratorTrait;
        match migrations::Migrator::get_pending_migrations_read_only(&db).await {
            Ok(pending) if pending.is_empty() => break,
            Ok(_) | Err(_) if !waited => {
                tracing::info!("waiting for the web server to bring the database up to date");
                waited = true;
            }
            _ => {}
        }
        tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    }
    let mut worker = crate::push::worker::Worker::new(db, &settings, &keys)?;
    crate::services::events::register_jobs(worker.registry_mut());
    let handle = Arc::new(worker).start();
    stop_signal().await;
    tracing::info!("stopping the worker");
    handle.stop().await;
    Ok(())
}

/// Makes the data directory when it is missing, readable by this user
/// only: it holds the SQLite file (young people's records) and the keys.
fn data_dir(path: &std::path::Path) -> Result<(), StartError> {
    let err = |source| StartError::DataDir {
        path: path.display().to_string(),
        source,
    };
    if path.exists() {
        return Ok(());
    }
    std::fs::create_dir_all(path).map_err(err)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o700)).map_err(err)?;
    }
    Ok(())
}

/// SIGINT or SIGTERM (systemd's stop).
async fn stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = term.recv() => {}
                    _ = tokio::signal::ctrl_c() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

/// The generated OpenAPI document: every `/api` handler, as registered.
pub fn openapi() -> utoipa::openapi::OpenApi {
    let mut doc = routes::openapi::ApiDoc::openapi();
    let mut declared = routes::register::Document::default();
    routes::api(&mut declared);
    doc.paths = declared.paths;
    let components = doc.components.get_or_insert_with(Default::default);
    components.schemas.extend(declared.schemas);
    doc
}

fn serve(listener: TcpListener, state: AppState) -> Result<Server, StartError> {
    let max_body = state.settings.max_body_bytes;
    let workers = state.settings.workers;
    let public_dir = state.settings.public_dir.clone();
    let data = web::Data::new(state);
    let server = HttpServer::new(move || {
        let api = web::scope(shared::endpoints::API_PREFIX)
            .wrap(headers::no_store())
            .configure(|cfg| routes::api(&mut routes::register::Routes(cfg)))
            .default_service(web::to(api_not_found));
        App::new()
            .wrap(headers::security())
            .wrap(actix_web::middleware::from_fn(
                crate::routes::metrics::track,
            ))
            .wrap(tracing_actix_web::TracingLogger::<crate::telemetry::RootSpan>::new())
            .app_data(data.clone())
            .app_data(
                web::JsonConfig::default()
                    .limit(max_body)
                    .error_handler(|e, _| json_error(e).into()),
            )
            .app_data(web::PayloadConfig::default().limit(max_body))
            .app_data(web::QueryConfig::default().error_handler(|e, _| query_error(e).into()))
            .app_data(web::PathConfig::default().error_handler(|e, _| path_error(e).into()))
            .service(api)
            .route(
                routes::metrics::PATH,
                web::get().to(routes::metrics::scrape),
            )
            .configure(|cfg| crate::static_files::configure(cfg, &public_dir))
    });
    let server = match workers {
        Some(n) => server.workers(n.max(1)),
        None => server,
    };
    let server = server
        .listen(listener)
        .map_err(|source| StartError::Bind {
            addr: "listener".to_owned(),
            source,
        })?
        .shutdown_timeout(10)
        .run();
    Ok(server)
}

async fn api_not_found() -> HttpResponse {
    actix_web::ResponseError::error_response(&ApiError::UnknownEndpoint)
}
