//! What the server itself refuses: a leverancier or lezer who connects with psql (here the `postgres`
//! crate) and runs raw SQL cannot change what is not theirs. Against the server in `REGIO_TEST_PG`.

mod support;

use support::shared_store::{SharedStore, shared_store};

fn store(test: &str) -> Option<SharedStore> {
    let store = shared_store(test)?.with_accounts();
    let politie = store.csv(
        "politie.csv",
        &["huiselijk_geweld_incidenten;Zaanstad;2025 K1;12"],
    );
    let ggd = store.csv(
        "ggd.csv",
        &["meldpunt_zorg_en_overlast;Zaanstad;2025 K1;30"],
    );
    for (short, file) in [("politie", &politie), ("ggd", &ggd)] {
        let out = store.as_account(short, &["import", file.to_str().unwrap()]);
        assert_eq!(out.code, 0, "{}", out.stderr);
    }
    Some(store)
}

/// Statements every non-beheerder is refused, whatever its supplier: the catalog, notes, accounts,
/// the change counter, the schema and the roles.
const NOT_FOR_ANYONE: &[&str] = &[
    "UPDATE indicator_versions SET supplier = 'Politie'",
    "UPDATE indicators SET name = 'x'",
    "INSERT INTO notes (indicator_id, bo_date, author, status, text, created_at, updated_at) \
     VALUES ('huiselijk_geweld_incidenten', '2026-01-01', 'a', 'concept', 't', 'x', 'x')",
    "DELETE FROM events",
    "UPDATE region SET name = 'x'",
    "UPDATE schema_version SET version = 99",
    "INSERT INTO regio_accounts (name, role) VALUES ('boef', 'beheerder')",
    "SELECT regio_account_add('boef', 'beheerder', NULL, NULL)",
    "CREATE ROLE boef",
    "ALTER TABLE observations DISABLE ROW LEVEL SECURITY",
    "DROP POLICY regio_own_insert ON observations",
    "CREATE TABLE boef (a INT)",
    "INSERT INTO batches (kind, \"user\", started_at) VALUES ('catalog', 'x', 'y')",
];

/// What the other supplier's values and batch look like to `short`'s raw SQL.
const OF_GGD: &[&str] = &[
    "INSERT INTO observations (indicator_number, area_number, period, value, batch_id) \
     SELECT i.number, a.number, '2024-K1', 1, (SELECT max(id) FROM batches) \
     FROM indicators i, areas a WHERE i.id = 'meldpunt_zorg_en_overlast' AND a.code = 'GM0479'",
    "UPDATE observations SET value = 1 WHERE indicator_number = \
     (SELECT number FROM indicators WHERE id = 'meldpunt_zorg_en_overlast')",
    "UPDATE batches SET undone_at = 'x' WHERE \"user\" LIKE '%\\_ggd'",
    "UPDATE batches SET rows = 0 WHERE \"user\" LIKE '%\\_ggd'",
    "UPDATE batches SET \"user\" = 'x'",
    // Its own values passed off as written by the other supplier's batch.
    "UPDATE observations SET batch_id = (SELECT id FROM batches WHERE \"user\" LIKE '%\\_ggd') \
     WHERE indicator_number = (SELECT number FROM indicators WHERE id = 'huiselijk_geweld_incidenten')",
    "INSERT INTO observations (indicator_number, area_number, period, value, batch_id) \
     SELECT i.number, a.number, '2024-K1', 1, (SELECT id FROM batches WHERE \"user\" LIKE '%\\_ggd') \
     FROM indicators i, areas a WHERE i.id = 'huiselijk_geweld_incidenten' AND a.code = 'GM0479'",
    "INSERT INTO observation_history (replaced_by, indicator_number, area_number, period, value, \
     provisional, batch_id) SELECT (SELECT max(id) FROM batches), o.indicator_number, o.area_number, \
     o.period, 1, FALSE, b.id FROM observations o, batches b WHERE b.\"user\" LIKE '%\\_ggd' AND \
     o.indicator_number = (SELECT number FROM indicators WHERE id = 'huiselijk_geweld_incidenten')",
    "INSERT INTO observation_history (replaced_by, indicator_number, area_number, period, value, \
     provisional, batch_id) SELECT b.id, o.indicator_number, o.area_number, o.period, 1, FALSE, b.id \
     FROM observations o, batches b WHERE b.\"user\" LIKE '%\\_ggd'",
];

fn refused(client: &mut postgres::Client, sql: &str) -> bool {
    match client.batch_execute(sql) {
        Ok(()) => false,
        Err(error) => {
            let code = error.code().expect("a refusal by the server");
            assert_eq!(
                *code,
                postgres::error::SqlState::INSUFFICIENT_PRIVILEGE,
                "{sql}: {error}"
            );
            true
        }
    }
}

fn count(client: &mut postgres::Client, sql: &str) -> i64 {
    client.query_one(sql, &[]).unwrap().get(0)
}

#[test]
fn a_leverancier_cannot_change_another_suppliers_values_nor_anything_shared() {
    let Some(store) = store("raw_sql_leverancier") else {
        return;
    };
    let before = store.export();
    let mut politie = store.client("politie");
    for sql in NOT_FOR_ANYONE.iter().chain(OF_GGD) {
        assert!(refused(&mut politie, sql), "allowed: {sql}");
    }
    // A DELETE does not see another supplier's rows.
    let deleted = politie
        .execute(
            "DELETE FROM observations WHERE indicator_number = \
             (SELECT number FROM indicators WHERE id = 'meldpunt_zorg_en_overlast')",
            &[],
        )
        .unwrap();
    assert_eq!(deleted, 0);
    assert_eq!(store.export(), before, "nothing changed");

    // Reading works: the whole dashboard.
    assert_eq!(count(&mut politie, "SELECT count(*) FROM observations"), 2);
    assert!(count(&mut politie, "SELECT count(*) FROM indicator_versions") > 0);
    assert!(count(&mut politie, "SELECT count(*) FROM batches") >= 3);

    // Its own values it may change, in a batch of its own as its imports do; not in place, which
    // would leave a value without the batch that wrote it.
    let own = "UPDATE observations SET value = 13 WHERE indicator_number = \
               (SELECT number FROM indicators WHERE id = 'huiselijk_geweld_incidenten')";
    assert!(refused(&mut politie, own), "allowed: {own}");
    let mut tx = politie.transaction().unwrap();
    let batch: i64 = tx
        .query_one(
            "INSERT INTO batches (id, kind, \"user\", started_at) \
             VALUES ((SELECT max(id) + 1 FROM batches), 'manual', '', 'nu') RETURNING id",
            &[],
        )
        .unwrap()
        .get(0);
    let changed = tx
        .execute(
            "UPDATE observations SET value = 13, batch_id = $1 WHERE indicator_number = \
             (SELECT number FROM indicators WHERE id = 'huiselijk_geweld_incidenten')",
            &[&batch],
        )
        .unwrap();
    assert_eq!(changed, 1);
}

#[test]
fn a_temporary_table_of_the_leverancier_does_not_fool_the_servers_checks() {
    let Some(store) = store("raw_sql_temp_tables") else {
        return;
    };
    let before = store.export();
    let mut politie = store.client("politie");
    politie
        .batch_execute(&format!(
            "CREATE TEMPORARY TABLE regio_accounts (name TEXT, role TEXT, supplier TEXT); \
             INSERT INTO regio_accounts VALUES ('{}', 'leverancier', 'GGD Zaanstreek-Waterland'); \
             CREATE TEMPORARY TABLE pg_roles AS SELECT * FROM pg_catalog.pg_roles; \
             UPDATE pg_roles SET rolsuper = TRUE",
            store.account("politie")
        ))
        .unwrap();
    assert!(refused(&mut politie, OF_GGD[1]), "allowed: {}", OF_GGD[1]);
    assert!(
        refused(&mut politie, NOT_FOR_ANYONE[8]),
        "allowed: {}",
        NOT_FOR_ANYONE[8]
    );
    let role: String = politie
        .query_one("SELECT role FROM regio_whoami()", &[])
        .unwrap()
        .get(0);
    assert_eq!(role, "leverancier");
    assert_eq!(store.export(), before, "nothing changed");
}

#[test]
fn a_lezer_reads_everything_and_its_raw_sql_writes_nothing() {
    let Some(store) = store("raw_sql_lezer") else {
        return;
    };
    let before = store.export();
    let mut bestuur = store.client("bestuur");
    let own_politie = [
        "UPDATE observations SET value = 1",
        "DELETE FROM observations",
        "INSERT INTO batches (kind, \"user\", started_at) VALUES ('manual', 'x', 'y')",
        "UPDATE batches SET undone_at = 'x'",
    ];
    for sql in NOT_FOR_ANYONE.iter().chain(OF_GGD).chain(&own_politie) {
        assert!(refused(&mut bestuur, sql), "allowed: {sql}");
    }
    assert_eq!(store.export(), before, "nothing changed");
    assert_eq!(count(&mut bestuur, "SELECT count(*) FROM observations"), 2);
    for table in [
        "notes",
        "stories",
        "events",
        "indicator_versions",
        "observation_history",
        "region",
    ] {
        let read = bestuur.query(&format!("SELECT * FROM {table}"), &[]);
        assert!(read.is_ok(), "{table}: {read:?}");
    }
    assert!(
        refused(&mut bestuur, "SELECT count(*) FROM regio_accounts"),
        "accounts are the beheerder's"
    );
}

#[test]
fn every_role_reads_its_own_account_and_the_owner_counts_as_beheerder() {
    use regio_in_beeld::app::{OpenOptions, Workspace};
    use regio_in_beeld::store::{ServerAddress, StoreLocation};
    let Some(store) = store("whoami") else {
        return;
    };
    let describe = |url: &str| {
        let options = OpenOptions {
            db: StoreLocation::Server(ServerAddress::parse(url).unwrap()),
            indicators: None,
            today: Some(support::today()),
        };
        let text = Workspace::open(&options)
            .unwrap()
            .connection_line()
            .unwrap()
            .text;
        // The port follows the host when it is not PostgreSQL's own.
        let host = text.split(" als ").next().unwrap();
        assert!(host.starts_with("Verbonden met 127.0.0.1"), "{text}");
        text.replacen(host, "verbonden met 127.0.0.1", 1)
    };
    assert_eq!(
        describe(&store.url_of("politie")),
        format!(
            "verbonden met 127.0.0.1 als {} (leverancier Politie)",
            store.account("politie")
        )
    );
    assert_eq!(
        describe(&store.url_of("bestuur")),
        format!(
            "verbonden met 127.0.0.1 als {} (lezer)",
            store.account("bestuur")
        )
    );
    assert_eq!(
        describe(&store.url_of("beheer")),
        format!(
            "verbonden met 127.0.0.1 als {} (beheerder)",
            store.account("beheer")
        )
    );
    assert_eq!(
        describe(store.owner_url()),
        "verbonden met 127.0.0.1 als postgres (beheerder)"
    );
    let file = support::temp_store();
    let options = OpenOptions {
        db: StoreLocation::File(file.path.clone()),
        indicators: None,
        today: Some(support::today()),
    };
    assert_eq!(Workspace::open(&options).unwrap().connection_line(), None);
}
