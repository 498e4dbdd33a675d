//! Deploy reports (table `plugin_deploy_reports`): what replaying recorded calls against a
//! plugin version found, one per version, kept whether the version went live or was
//! refused. The store keeps the report as the registry wrote it (JSON) beside its verdict;
//! what a report says is the registry's (`registry/report.rs`).

use sqlx::Row;

use super::{Store, StoreError, now_ms};

/// A stored deploy report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredReport {
    /// SHA-256 of the component it is about.
    pub sha256: String,
    /// `clear`, `changed`, `refused` or `forced`.
    pub verdict: String,
    /// The report, JSON.
    pub report: String,
    /// Unix milliseconds.
    pub created_at: i64,
}

impl Store {
    /// Keeps the report of `name` `version`, replacing an earlier one of that version.
    pub async fn save_deploy_report(
        &self,
        merchant: &str,
        name: &str,
        version: &str,
        sha256: &str,
        verdict: &str,
        report: &str,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO plugin_deploy_reports (merchant_id, name, version, sha256, verdict, \
             report, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT (merchant_id, name, version) DO UPDATE SET sha256 = excluded.sha256, \
             verdict = excluded.verdict, report = excluded.report, created_at = excluded.created_at",
        )
        .bind(merchant)
        .bind(name)
        .bind(version)
        .bind(sha256)
        .bind(verdict)
        .bind(report)
        .bind(now_ms())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The report of `merchant`'s `name` `version`, if one was made.
    pub async fn deploy_report(
        &self,
        merchant: &str,
        name: &str,
        version: &str,
    ) -> Result<Option<StoredReport>, StoreError> {
        let row = sqlx::query(
            "SELECT sha256, verdict, report, created_at FROM plugin_deploy_reports \
             WHERE merchant_id = $1 AND name = $2 AND version = $3",
        )
        .bind(merchant)
        .bind(name)
        .bind(version)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|r| StoredReport {
            sha256: r.get("sha256"),
            verdict: r.get("verdict"),
            report: r.get("report"),
            created_at: r.get("created_at"),
        }))
    }
}

/// A deploy report's headline: which version, what it says, when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportHeadline {
    /// Plugin name.
    pub name: String,
    /// The version replayed.
    pub version: String,
    /// `clear`, `changed`, `refused` or `forced`.
    pub verdict: String,
    /// The report's one sentence.
    pub summary: String,
    /// Unix milliseconds.
    pub created_at: i64,
}

impl Store {
    /// The headline of every deploy report of `merchant`, by plugin, newest first.
    pub async fn deploy_report_headlines(
        &self,
        merchant: &str,
    ) -> Result<Vec<ReportHeadline>, StoreError> {
        let rows = sqlx::query(
            "SELECT name, version, verdict, report, created_at FROM plugin_deploy_reports \
             WHERE merchant_id = $1 ORDER BY name, created_at DESC",
        )
        .bind(merchant)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let report: String = r.get("report");
                #[derive(serde::Deserialize)]
                struct Summary {
                    summary: String,
                }
                let summary = serde_json::from_str::<Summary>(&report)
                    .map_err(|e| StoreError::Corrupt(format!("deploy report: {e}")))?
                    .summary;
                Ok(ReportHeadline {
                    name: r.get("name"),
                    version: r.get("version"),
                    verdict: r.get("verdict"),
                    summary,
                    created_at: r.get("created_at"),
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::store::{DemoData, Store};

    #[tokio::test]
    async fn a_report_is_kept_per_version_and_replaced_by_a_later_deploy_of_it() {
        let store = Store::scratch().await.unwrap();
        store
            .load_demo(&DemoData::builtin().unwrap())
            .await
            .unwrap();
        assert_eq!(
            store
                .deploy_report("demo", "orders", "0.2.0")
                .await
                .unwrap(),
            None
        );
        store
            .save_deploy_report("demo", "orders", "0.2.0", "aa", "refused", "{\"n\":1}")
            .await
            .unwrap();
        store
            .save_deploy_report("demo", "orders", "0.2.0", "aa", "forced", "{\"n\":2}")
            .await
            .unwrap();
        let kept = store
            .deploy_report("demo", "orders", "0.2.0")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (kept.verdict.as_str(), kept.report.as_str()),
            ("forced", "{\"n\":2}")
        );
        assert_eq!(
            store
                .deploy_report("other", "orders", "0.2.0")
                .await
                .unwrap(),
            None
        );
        assert_eq!(
            store
                .deploy_report("demo", "orders", "0.1.0")
                .await
                .unwrap(),
            None
        );
    }

    #[tokio::test]
    async fn headlines_list_every_versions_verdict_and_sentence_newest_first_per_plugin() {
        let store = Store::scratch().await.unwrap();
        store
            .load_demo(&DemoData::builtin().unwrap())
            .await
            .unwrap();
        for (name, version, verdict) in [
            ("orders", "0.1.1", "clear"),
            ("refunds", "0.2.0", "changed"),
            ("orders", "0.2.0", "refused"),
        ] {
            let report = format!("{{\"summary\":\"{name} {version} was {verdict}\"}}");
            store
                .save_deploy_report("demo", name, version, "aa", verdict, &report)
                .await
                .unwrap();
            // Distinct times: newest first is by the time of the report.
            tokio::time::sleep(std::time::Duration::from_millis(3)).await;
        }
        let headlines: Vec<(String, String, String, String)> = store
            .deploy_report_headlines("demo")
            .await
            .unwrap()
            .into_iter()
            .map(|h| (h.name, h.version, h.verdict, h.summary))
            .collect();
        let row = |n: &str, v: &str, verdict: &str| {
            (
                n.to_string(),
                v.to_string(),
                verdict.to_string(),
                format!("{n} {v} was {verdict}"),
            )
        };
        assert_eq!(
            headlines,
            [
                row("orders", "0.2.0", "refused"),
                row("orders", "0.1.1", "clear"),
                row("refunds", "0.2.0", "changed"),
            ]
        );
        assert!(
            store
                .deploy_report_headlines("other")
                .await
                .unwrap()
                .is_empty()
        );
    }
}
