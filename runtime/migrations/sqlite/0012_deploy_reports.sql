-- What replaying a merchant's recorded calls against a plugin version found before it was
-- activated (or refused): one report per version, replaced when the version is deployed
-- again. A refused version has a report and no row in plugin_versions.
CREATE TABLE plugin_deploy_reports (
    merchant_id  TEXT NOT NULL REFERENCES merchants(id),
    name         TEXT NOT NULL,
    version      TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    verdict      TEXT NOT NULL,        -- clear | changed | refused | forced
    report       TEXT NOT NULL,        -- JSON (registry::report::DeployReport)
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (merchant_id, name, version)
);

-- A deploy reads a plugin's latest recorded calls.
CREATE INDEX plugin_calls_by_plugin ON plugin_calls (merchant_id, plugin, id);
