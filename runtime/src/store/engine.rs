//! The two database engines the store runs on, and everything that differs between them.
//!
//! The store's queries are one body of SQL for both (`$1`-style parameters, which SQLite
//! accepts too, run through sqlx's `Any` driver). What is not the same lives here: which
//! URL names which engine, how a connection is set up, which migrations apply, and how a
//! write transaction starts.

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::{AnyConnection, AnyPool, Executor};

/// The variable naming the PostgreSQL server tests make their stores on (a fresh schema
/// each); without it, tests use SQLite.
pub const TEST_DATABASE_VAR: &str = "KEFU_TEST_DATABASE";

/// Where the store keeps its data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Database {
    /// An SQLite file (created if missing).
    Sqlite(PathBuf),
    /// A private in-memory SQLite database (tests).
    SqliteMemory,
    /// A PostgreSQL server, by its `postgres://` URL.
    Postgres(String),
    /// A schema of its own on the PostgreSQL server at `url`, made on connecting if it is
    /// missing (tests: many stores side by side on one server).
    PostgresScratch {
        /// The server.
        url: String,
        /// The schema's name.
        schema: String,
    },
}

/// Which engine a connection talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// SQLite.
    Sqlite,
    /// PostgreSQL.
    Postgres,
}

/// A `--database` value kefu cannot use.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown database `{0}`: give `sqlite://<path>` or `postgres://user@host:port/database`")]
pub struct UnknownDatabase(pub String);

impl FromStr for Database {
    type Err = UnknownDatabase;

    fn from_str(url: &str) -> Result<Self, Self::Err> {
        if url == "sqlite::memory:" {
            return Ok(Self::SqliteMemory);
        }
        if let Some(path) = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
        {
            if path.is_empty() {
                return Err(UnknownDatabase(url.to_string()));
            }
            return Ok(Self::Sqlite(PathBuf::from(path)));
        }
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(Self::Postgres(url.to_string()));
        }
        Err(UnknownDatabase(url.to_string()))
    }
}

impl Database {
    /// The SQLite file `kefu.db` in `data_dir`: the default.
    pub fn in_data_dir(data_dir: &Path) -> Self {
        Self::Sqlite(data_dir.join("kefu.db"))
    }

    /// For tests: a fresh schema on the PostgreSQL server [`TEST_DATABASE_VAR`] names if it
    /// is set, otherwise `fallback`.
    pub fn for_tests(fallback: Self) -> Self {
        let schema = format!("kefu_test_{}", uuid::Uuid::new_v4().simple());
        Self::test_server(schema).unwrap_or(fallback)
    }

    /// For tests whose data lives in `data_dir`: when [`TEST_DATABASE_VAR`] names a
    /// PostgreSQL server, a schema there named after `data_dir` (a runtime restarted on the
    /// same directory finds its data again); otherwise `None`, the directory's SQLite file.
    pub fn for_tests_in(data_dir: &Path) -> Option<Self> {
        use sha2::Digest;
        let digest = sha2::Sha256::digest(data_dir.to_string_lossy().as_bytes());
        Self::test_server(format!("kefu_test_{}", hex::encode(&digest[..12])))
    }

    fn test_server(schema: String) -> Option<Self> {
        std::env::var(TEST_DATABASE_VAR)
            .ok()
            .filter(|url| !url.is_empty())
            .map(|url| Self::PostgresScratch { url, schema })
    }

    /// The engine behind it.
    pub fn engine(&self) -> Engine {
        match self {
            Self::Sqlite(_) | Self::SqliteMemory => Engine::Sqlite,
            Self::Postgres(_) | Self::PostgresScratch { .. } => Engine::Postgres,
        }
    }

    /// The URL sqlx connects with.
    fn url(&self) -> String {
        match self {
            // `mode=rwc`: create the file if it is missing. `%`, `?` and `#` in the path
            // are escaped so that they stay part of the file name.
            Self::Sqlite(path) => {
                let path = path.to_string_lossy();
                let mut escaped = String::with_capacity(path.len());
                for c in path.chars() {
                    match c {
                        '%' => escaped.push_str("%25"),
                        '?' => escaped.push_str("%3F"),
                        '#' => escaped.push_str("%23"),
                        c => escaped.push(c),
                    }
                }
                format!("sqlite://{escaped}?mode=rwc")
            }
            Self::SqliteMemory => "sqlite::memory:".into(),
            Self::Postgres(url) | Self::PostgresScratch { url, .. } => url.clone(),
        }
    }

    /// The URL without its password, for messages.
    pub fn display(&self) -> String {
        match self {
            Self::Sqlite(path) => format!("sqlite://{}", path.display()),
            Self::SqliteMemory => "sqlite::memory:".into(),
            Self::Postgres(url) | Self::PostgresScratch { url, .. } => without_password(url),
        }
    }

    /// A pool of connections set up for kefu: on SQLite, WAL with `synchronous = FULL` (a
    /// committed turn is on disk before it is acknowledged), foreign keys on and a 5 s busy
    /// timeout.
    pub(super) async fn connect(&self) -> Result<AnyPool, sqlx::Error> {
        install_default_drivers();
        let options = AnyPoolOptions::new().acquire_timeout(Duration::from_secs(10));
        let options = match self {
            Self::Sqlite(path) => {
                if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                    std::fs::create_dir_all(dir).map_err(|e| {
                        sqlx::Error::Configuration(
                            format!("cannot create data directory {}: {e}", dir.display()).into(),
                        )
                    })?;
                }
                // A connection to a local file does not go stale: no ping before each
                // statement (it was a round trip to the connection's thread every time).
                options
                    .max_connections(8)
                    .test_before_acquire(false)
                    .after_connect(|conn, _| {
                        Box::pin(async move {
                            conn.execute(
                                "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; \
                             PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;",
                            )
                            .await?;
                            Ok(())
                        })
                    })
            }
            // An in-memory database exists once per connection: keep exactly one, forever.
            Self::SqliteMemory => options
                .max_connections(1)
                .min_connections(1)
                .test_before_acquire(false)
                .idle_timeout(None)
                .max_lifetime(None)
                .after_connect(|conn, _| {
                    Box::pin(async move {
                        conn.execute("PRAGMA foreign_keys = ON;").await?;
                        Ok(())
                    })
                }),
            Self::Postgres(_) => options.max_connections(16),
            Self::PostgresScratch { url, schema } => {
                return Box::pin(scratch_schema(url, schema).await?.connect()).await;
            }
        };
        options.connect(&self.url()).await
    }
}

/// `url` with the password in its user part (`user:password@`) masked.
fn without_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let Some(at) = rest[..authority_end].rfind('@') else {
        return url.to_string();
    };
    match rest[..at].split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:***{}", &rest[at..]),
        None => url.to_string(),
    }
}

/// Schema `schema` on the PostgreSQL server at `url` (made if missing), as a database whose
/// connections see only it.
async fn scratch_schema(url: &str, schema: &str) -> Result<Database, sqlx::Error> {
    use sqlx::Connection;
    install_default_drivers();
    let mut conn = AnyConnection::connect(url).await?;
    conn.execute(format!("CREATE SCHEMA IF NOT EXISTS {schema}").as_str())
        .await?;
    conn.close().await?;
    let joiner = if url.contains('?') { '&' } else { '?' };
    Ok(Database::Postgres(format!(
        "{url}{joiner}options[search_path]={schema}"
    )))
}

/// Starts a transaction that may write anything, holding the database's write lock until
/// it ends.
///
/// SQLite: `BEGIN IMMEDIATE` takes the write lock up front (waiting up to the busy timeout
/// for it): a deferred transaction that reads first and then writes fails at once with
/// `SQLITE_BUSY` when another writer committed in between, which a shopper's turn and an
/// agent's reply to the same conversation routinely do.
///
/// PostgreSQL: the store's advisory lock, taken exclusively, plays the same part, so that
/// every read-then-write across conversations (a refund's running totals for the shop, a
/// plugin's storage quota, a new merchant) sees what the previous writer committed,
/// exactly as on SQLite. Writes confined to conversations take it shared instead
/// ([`begin_conversation_write`]), so this waits for them and they for it.
pub(super) async fn begin_write(
    pool: &AnyPool,
    engine: Engine,
) -> Result<sqlx::Transaction<'static, sqlx::Any>, sqlx::Error> {
    match engine {
        Engine::Sqlite => pool.begin_with("BEGIN IMMEDIATE").await,
        Engine::Postgres => {
            let mut tx = pool.begin().await?;
            sqlx::query("SELECT pg_advisory_xact_lock($1)")
                .bind(WRITE_LOCK)
                .execute(&mut *tx)
                .await?;
            Ok(tx)
        }
    }
}

/// Starts a transaction that writes only to `conversations` (their headers, messages,
/// actions and audit rows), holding each one's write lock until it ends.
///
/// SQLite has one writer at a time whatever is written: `BEGIN IMMEDIATE`, as
/// [`begin_write`]. PostgreSQL: the store's advisory lock shared (so a whole-database
/// writer waits for this one and this one for it), then one transaction-scoped advisory
/// lock per conversation, exclusive: the read-then-writes of a conversation (its next
/// `seq`, its state checked before a turn is stored or a chat claimed) see what its
/// previous writer committed, while turns of different conversations commit side by side.
/// Lock keys are taken in ascending order, so two transactions locking several
/// conversations (batches of turns, on one node or several) cannot each hold a key the
/// other waits for.
pub(super) async fn begin_conversation_write(
    pool: &AnyPool,
    engine: Engine,
    conversations: &[&str],
) -> Result<sqlx::Transaction<'static, sqlx::Any>, sqlx::Error> {
    match engine {
        Engine::Sqlite => pool.begin_with("BEGIN IMMEDIATE").await,
        Engine::Postgres => {
            let mut tx = pool.begin().await?;
            sqlx::query("SELECT pg_advisory_xact_lock_shared($1)")
                .bind(WRITE_LOCK)
                .execute(&mut *tx)
                .await?;
            for key in conversation_lock_keys(conversations) {
                // The two-key form is a lock space of its own, apart from `WRITE_LOCK`'s.
                sqlx::query("SELECT pg_advisory_xact_lock($1, $2)")
                    .bind(CONVERSATION_LOCKS)
                    .bind(key)
                    .execute(&mut *tx)
                    .await?;
            }
            Ok(tx)
        }
    }
}

/// PostgreSQL's whole-store advisory lock: any fixed number; only kefu's store takes it.
const WRITE_LOCK: i64 = 4657046;

/// The first key of every conversation's advisory lock (the second is
/// [`conversation_lock_keys`]'s).
const CONVERSATION_LOCKS: i32 = 4657;

/// The advisory lock keys of `conversations`, ascending, each once. The same on every
/// node and every build (the first four bytes of the id's SHA-256, not Rust's hasher): two
/// nodes must lock a conversation under the same key. Two conversations may share a key;
/// they then wait for each other, nothing worse.
fn conversation_lock_keys(conversations: &[&str]) -> Vec<i32> {
    use sha2::Digest;
    let mut keys: Vec<i32> = conversations
        .iter()
        .map(|id| {
            let digest = sha2::Sha256::digest(id.as_bytes());
            i32::from_be_bytes([digest[0], digest[1], digest[2], digest[3]])
        })
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// The column that orders `table`'s rows as they were inserted, for ties (append-only
/// tables only).
pub(super) fn insertion_order(engine: Engine, table: &str) -> String {
    match engine {
        Engine::Sqlite => format!("{table}.rowid"),
        Engine::Postgres => format!("{table}.ctid"),
    }
}

/// The migrations of `engine`.
pub(super) fn migrator(engine: Engine) -> sqlx::migrate::Migrator {
    match engine {
        Engine::Sqlite => sqlx::migrate!("./migrations/sqlite"),
        Engine::Postgres => sqlx::migrate!("./migrations/postgres"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_name_their_engine() {
        assert_eq!(
            "sqlite:///var/lib/kefu/kefu.db".parse(),
            Ok(Database::Sqlite("/var/lib/kefu/kefu.db".into()))
        );
        assert_eq!(
            "sqlite://data/kefu.db".parse(),
            Ok(Database::Sqlite("data/kefu.db".into()))
        );
        assert_eq!("sqlite::memory:".parse(), Ok(Database::SqliteMemory));
        let pg: Database = "postgres://kefu:pw@db:5432/kefu".parse().unwrap();
        assert_eq!(pg.engine(), Engine::Postgres);
        assert_eq!(pg.display(), "postgres://kefu:***@db:5432/kefu");
        assert!("postgresql://db/kefu".parse::<Database>().is_ok());
        for bad in ["mysql://db/kefu", "kefu.db", "sqlite://", ""] {
            let err = bad.parse::<Database>().unwrap_err();
            assert!(err.to_string().contains("postgres://"), "{err}");
        }
    }

    #[tokio::test]
    async fn an_unreachable_server_is_named_in_the_error() {
        // Nothing listens on the discard port of the loopback address.
        let database: Database = "postgres://kefu:secret@127.0.0.1:9/kefu".parse().unwrap();
        let err = crate::store::Store::connect(&database).await.unwrap_err();
        let message = err.to_string();
        assert!(
            message.contains("cannot open the database postgres://kefu:***@127.0.0.1:9/kefu"),
            "{message}"
        );
        assert!(!message.contains("secret"), "{message}");
    }

    #[tokio::test]
    async fn a_sqlite_file_is_written_ahead_and_synced_on_every_commit() {
        use sqlx::Row;
        let dir = std::env::temp_dir().join(format!("kefu-engine-{}", uuid::Uuid::new_v4()));
        let pool = Database::Sqlite(dir.join("kefu.db"))
            .connect()
            .await
            .unwrap();
        let mut held = Vec::new();
        for _ in 0..3 {
            // Every connection of the pool, not just the first: each is held below.
            let mut conn = pool.acquire().await.unwrap();
            let mode: String = sqlx::query("PRAGMA journal_mode")
                .fetch_one(&mut *conn)
                .await
                .unwrap()
                .get(0);
            let sync: i64 = sqlx::query("PRAGMA synchronous")
                .fetch_one(&mut *conn)
                .await
                .unwrap()
                .get(0);
            let keys: i64 = sqlx::query("PRAGMA foreign_keys")
                .fetch_one(&mut *conn)
                .await
                .unwrap()
                .get(0);
            assert_eq!((mode.as_str(), sync, keys), ("wal", 2, 1), "2 is FULL");
            held.push(conn);
        }
        drop(held);
        pool.close().await;
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn conversation_lock_keys_are_stable_sorted_and_unique() {
        let keys = conversation_lock_keys(&["c-2", "c-1", "c-2", "c-3"]);
        assert_eq!(keys.len(), 3);
        assert!(keys.windows(2).all(|w| w[0] < w[1]), "{keys:?}");
        // The key is part of the protocol between nodes: it must not change with a build.
        assert_eq!(
            conversation_lock_keys(&["abc"]),
            vec![i32::from_be_bytes([0xba, 0x78, 0x16, 0xbf])]
        );
    }

    #[test]
    fn a_sqlite_path_stays_one_file_name() {
        let db = Database::Sqlite("/tmp/a?b#c%d.db".into());
        assert_eq!(db.url(), "sqlite:///tmp/a%3Fb%23c%25d.db?mode=rwc");
    }
}
