//! Group commit for the audit rows of reads. Every read of a young person's
//! record writes a row before it is answered; one write transaction per read
//! made the writes, not the reads, the cost of a busy server (SQLite has one
//! writer at a time). Requests hand their row to one task, which stores all
//! the rows waiting in one statement and then lets each request go on. A
//! request is still answered only once its row is stored; when a batch
//! fails, each request stores its own row (and meets its own error).
//!
//! Changes record their row inside their own transaction instead
//! (`Grant::record`), so a change and its audit row stand or fall together.

use crate::error::ApiError;
use crate::repo::audit;
use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;
use tokio::sync::{mpsc, oneshot};

/// Rows stored by one statement at most (11 values each).
const BATCH: usize = 256;

/// One audit row, owned, for the trip to the writer.
#[derive(Debug, Clone)]
struct Row {
    authority_id: i32,
    actor_account_id: Option<i32>,
    actor_role: String,
    young_person_id: Option<i32>,
    action: String,
    basis: String,
    allocation_id: Option<i32>,
    outcome: String,
    reason: Option<String>,
    at: DateTime<Utc>,
}

impl Row {
    fn new(e: &audit::Event<'_>, at: DateTime<Utc>) -> Row {
        Row {
            authority_id: e.authority_id,
            actor_account_id: e.actor_account_id,
            actor_role: e.actor_role.to_owned(),
            young_person_id: e.young_person_id,
            action: e.action.to_owned(),
            basis: e.basis.to_owned(),
            allocation_id: e.allocation_id,
            outcome: e.outcome.to_owned(),
            reason: e.reason.map(str::to_owned),
            at,
        }
    }

    fn event(&self) -> (audit::Event<'_>, DateTime<Utc>) {
        (
            audit::Event {
                authority_id: self.authority_id,
                actor_account_id: self.actor_account_id,
                actor_role: &self.actor_role,
                young_person_id: self.young_person_id,
                action: &self.action,
                basis: &self.basis,
                allocation_id: self.allocation_id,
                outcome: &self.outcome,
                reason: self.reason.as_deref(),
            },
            self.at,
        )
    }
}

struct Pending {
    row: Row,
    /// True once stored; false when the batch failed.
    stored: oneshot::Sender<bool>,
}

/// A handle on the writer task (cheap to clone).
#[derive(Debug, Clone)]
pub struct AuditLog {
    tx: mpsc::Sender<Pending>,
}

impl AuditLog {
    /// Starts the writer on the current Tokio runtime; it stops when the
    /// last handle is dropped.
    pub fn start(db: DatabaseConnection) -> AuditLog {
        let (tx, mut rx) = mpsc::channel::<Pending>(BATCH * 8);
        tokio::spawn(async move {
            let mut batch = Vec::with_capacity(BATCH);
            while rx.recv_many(&mut batch, BATCH).await > 0 {
                let rows: Vec<_> = batch.iter().map(|p| p.row.event()).collect();
                let ok = audit::record_many(&db, &rows).await.is_ok();
                drop(rows);
                for p in batch.drain(..) {
                    let _ = p.stored.send(ok);
                }
            }
        });
        AuditLog { tx }
    }

    /// Stores the row before answering, in a batch with whatever other
    /// requests are recording at the same moment.
    pub async fn record(
        &self,
        db: &DatabaseConnection,
        e: audit::Event<'_>,
        at: DateTime<Utc>,
    ) -> Result<(), ApiError> {
        let (stored, done) = oneshot::channel();
        let sent = self
            .tx
            .send(Pending {
                row: Row::new(&e, at),
                stored,
            })
            .await
            .is_ok();
        if sent && done.await.unwrap_or(false) {
            return Ok(());
        }
        // The batch failed (or the writer has stopped): this row alone,
        // with its own error.
        audit::record(db, e, at).await?;
        Ok(())
    }
}
