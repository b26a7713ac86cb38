//! Multi-row INSERTs in batches, inside transactions, on a writer task of
//! their own so that the next batch is built while the database stores the
//! last one. Rows carry their own ids (read from the table's largest id at
//! the start), so children can point at parents without a round trip.

use sea_orm::{
    ConnectionTrait, DatabaseConnection, DbBackend, DbErr, Statement, TransactionTrait, Value,
};
use std::fmt::Write as _;
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

/// At most this many bound values per statement (SQLite allows 32766,
/// PostgreSQL 65535).
const MAX_PARAMS: usize = 30_000;
/// And at most this many rows.
const MAX_ROWS: usize = 1_000;
/// Statements per transaction.
const PER_TRANSACTION: usize = 50;

#[derive(Debug, thiserror::Error)]
pub enum SinkError {
    #[error(transparent)]
    Db(#[from] DbErr),
    #[error("the writer stopped: {0}")]
    Stopped(String),
}

/// The writer: executes statements in order, committing every
/// [`PER_TRANSACTION`] of them.
pub struct Sink {
    backend: DbBackend,
    tx: Option<mpsc::Sender<Statement>>,
    task: Option<JoinHandle<Result<(), DbErr>>>,
}

impl Sink {
    pub fn start(db: &DatabaseConnection) -> Sink {
        let backend = db.get_database_backend();
        let (tx, mut rx) = mpsc::channel::<Statement>(8);
        let db = db.clone();
        let task = tokio::spawn(async move {
            let mut txn = db.begin().await?;
            let mut n = 0usize;
            while let Some(stmt) = rx.recv().await {
                txn.execute_raw(stmt).await?;
                n += 1;
                if n.is_multiple_of(PER_TRANSACTION) {
                    txn.commit().await?;
                    txn = db.begin().await?;
                }
            }
            txn.commit().await
        });
        Sink {
            backend,
            tx: Some(tx),
            task: Some(task),
        }
    }

    async fn send(&mut self, stmt: Statement) -> Result<(), SinkError> {
        let sent = match &self.tx {
            Some(tx) => tx.send(stmt).await.is_ok(),
            None => false,
        };
        if sent {
            return Ok(());
        }
        // The writer has stopped: say why.
        Err(match self.finish().await {
            Err(e) => e,
            Ok(()) => SinkError::Stopped("closed".to_owned()),
        })
    }

    /// Waits for everything sent to be committed.
    pub async fn finish(&mut self) -> Result<(), SinkError> {
        self.tx = None;
        match self.task.take() {
            Some(task) => task
                .await
                .map_err(|e| SinkError::Stopped(e.to_string()))?
                .map_err(SinkError::Db),
            None => Ok(()),
        }
    }
}

/// Rows waiting to be written to one table.
pub struct Table {
    pub name: &'static str,
    cols: &'static [&'static str],
    /// Rows per statement.
    per: usize,
    /// The batch being filled, and full batches waiting.
    vals: Vec<Value>,
    full: Vec<Vec<Value>>,
    /// The statement for a full batch, made once.
    full_sql: Option<(DbBackend, String)>,
    /// The id the next row gets (tables with an `id` column).
    pub next_id: i64,
    /// Rows written so far.
    pub written: u64,
}

impl Table {
    pub fn new(name: &'static str, cols: &'static [&'static str]) -> Table {
        let per = (MAX_PARAMS / cols.len().max(1)).clamp(1, MAX_ROWS);
        Table {
            name,
            cols,
            per,
            vals: Vec::new(),
            full: Vec::new(),
            full_sql: None,
            next_id: 1,
            written: 0,
        }
    }

    /// A new id for a row of this table.
    pub fn id(&mut self) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    /// The same, for tables with 32-bit ids.
    pub fn id32(&mut self) -> i32 {
        i32::try_from(self.id()).unwrap_or(i32::MAX)
    }

    pub fn push<const N: usize>(&mut self, row: [Value; N]) {
        debug_assert_eq!(N, self.cols.len(), "{}", self.name);
        self.vals.extend(row);
        if self.vals.len() >= self.per * N {
            let batch = std::mem::replace(&mut self.vals, Vec::with_capacity(self.per * N));
            self.full.push(batch);
        }
    }

    /// Sends every waiting row, in batches.
    pub async fn flush(&mut self, sink: &mut Sink) -> Result<(), SinkError> {
        let width = self.cols.len().max(1);
        let mut batches = std::mem::take(&mut self.full);
        if !self.vals.is_empty() {
            batches.push(std::mem::take(&mut self.vals));
        }
        for batch in batches {
            let rows = batch.len() / width;
            let sql = self.sql(sink.backend, rows);
            sink.send(Statement::from_sql_and_values(sink.backend, sql, batch))
                .await?;
            self.written += rows as u64;
        }
        Ok(())
    }

    fn sql(&mut self, backend: DbBackend, rows: usize) -> String {
        if rows == self.per {
            if let Some((b, sql)) = &self.full_sql {
                if *b == backend {
                    return sql.clone();
                }
            }
            let sql = self.make_sql(backend, rows);
            self.full_sql = Some((backend, sql.clone()));
            return sql;
        }
        self.make_sql(backend, rows)
    }

    fn make_sql(&self, backend: DbBackend, rows: usize) -> String {
        let width = self.cols.len();
        let mut sql = String::with_capacity(64 + rows * width * 5);
        let _ = write!(sql, "INSERT INTO \"{}\" (", self.name);
        for (i, c) in self.cols.iter().enumerate() {
            if i > 0 {
                sql.push(',');
            }
            let _ = write!(sql, "\"{c}\"");
        }
        sql.push_str(") VALUES ");
        let mut n = 0usize;
        for r in 0..rows {
            if r > 0 {
                sql.push(',');
            }
            sql.push('(');
            for c in 0..width {
                if c > 0 {
                    sql.push(',');
                }
                n += 1;
                match backend {
                    DbBackend::Postgres => {
                        let _ = write!(sql, "${n}");
                    }
                    _ => sql.push('?'),
                }
            }
            sql.push(')');
        }
        sql
    }
}

// Values with their types, so that a NULL is typed too (PostgreSQL needs it).

pub fn int(v: i32) -> Value {
    Value::Int(Some(v))
}
pub fn int_or_null(v: Option<i32>) -> Value {
    Value::Int(v)
}
pub fn big(v: i64) -> Value {
    Value::BigInt(Some(v))
}
pub fn big_or_null(v: Option<i64>) -> Value {
    Value::BigInt(v)
}
pub fn text(v: impl Into<String>) -> Value {
    Value::String(Some(v.into()))
}
pub fn text_or_null(v: Option<String>) -> Value {
    Value::String(v)
}
pub fn at(v: chrono::DateTime<chrono::Utc>) -> Value {
    Value::ChronoDateTimeUtc(Some(v))
}
pub fn at_or_null(v: Option<chrono::DateTime<chrono::Utc>>) -> Value {
    Value::ChronoDateTimeUtc(v)
}
pub fn day(v: chrono::NaiveDate) -> Value {
    Value::ChronoDate(Some(v))
}
pub fn day_or_null(v: Option<chrono::NaiveDate>) -> Value {
    Value::ChronoDate(v)
}
pub fn flag(v: bool) -> Value {
    Value::Bool(Some(v))
}

/// The largest id in a table (0 when empty).
pub async fn max_id(db: &impl ConnectionTrait, table: &str) -> Result<i64, DbErr> {
    let backend = db.get_database_backend();
    let row = db
        .query_one_raw(Statement::from_string(
            backend,
            format!("SELECT CAST(COALESCE(MAX(id), 0) AS BIGINT) AS m FROM \"{table}\""),
        ))
        .await?;
    match row {
        Some(r) => r.try_get::<i64>("", "m"),
        None => Ok(0),
    }
}

/// On PostgreSQL, moves a table's id sequence past the ids written here,
/// so the application's own inserts carry on after them.
pub async fn fix_sequence(db: &impl ConnectionTrait, table: &str) -> Result<(), DbErr> {
    if db.get_database_backend() != DbBackend::Postgres {
        return Ok(());
    }
    db.execute_unprepared(&format!(
        "SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), \
         (SELECT COALESCE(MAX(id), 0) + 1 FROM \"{table}\"), false)"
    ))
    .await
    .map(|_| ())
}
