//! Accounts and roles of a shared store, through the binary: `server user add/list/remove`, and what
//! a leverancier and a lezer may import and undo. Against the server in `REGIO_TEST_PG`.

mod support;

use support::shared_store::{SharedStore, shared_store};

const POLITIE: [&str; 2] = [
    "huiselijk_geweld_incidenten;Zaanstad;2025 K1;12",
    "huiselijk_geweld_incidenten;Purmerend;2025 K1;7",
];

const GGD: [&str; 1] = ["meldpunt_zorg_en_overlast;Zaanstad;2025 K1;30"];

fn store(test: &str) -> Option<SharedStore> {
    Some(shared_store(test)?.with_accounts())
}

/// The batch number in "opgeslagen als batch N".
fn batch_of(stdout: &str) -> String {
    let (_, rest) = stdout.split_once("opgeslagen als batch ").expect(stdout);
    rest.split(|c: char| !c.is_ascii_digit())
        .next()
        .unwrap()
        .to_string()
}

#[test]
fn the_beheerder_adds_lists_and_removes_accounts_and_init_again_changes_nothing() {
    let Some(store) = shared_store("accounts_add_list_remove") else {
        return;
    };
    let politie = store.account("politie");
    let out = store.add("politie", "leverancier", Some("politie"));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        format!("Account {politie} (leverancier Politie) is aangemaakt.\n"),
        "the catalog's spelling, the password never shown"
    );
    let bestuur = store.account("bestuur");
    let out = store.owner(&["server", "user", "add", &bestuur, "--role", "lezer"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        format!(
            "Account {bestuur} (lezer) is aangemaakt.\nHet heeft nog geen wachtwoord: stel het in met \
             psql (\\password {bestuur}) of opnieuw met --password-stdin nadat u het account hebt \
             verwijderd.\n"
        )
    );

    let list = store.owner(&["server", "user", "list"]);
    assert_eq!(list.code, 0, "{}", list.stderr);
    assert_eq!(
        list.stdout,
        format!("{bestuur}\tlezer\t\n{politie}\tleverancier\tPolitie\n")
    );
    let again = store.owner(&["server", "init"]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert_eq!(store.owner(&["server", "user", "list"]).stdout, list.stdout);

    let out = store.owner(&["server", "user", "remove", &bestuur]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, format!("Account {bestuur} is verwijderd.\n"));
    assert_eq!(
        store.owner(&["server", "user", "list"]).stdout,
        format!("{politie}\tleverancier\tPolitie\n")
    );
    let out = store.owner(&["server", "user", "remove", &bestuur]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains(&format!("er is geen account {bestuur} in deze database")),
        "{}",
        out.stderr
    );
}

#[test]
fn a_leverancier_needs_a_supplier_the_catalog_knows() {
    let Some(store) = shared_store("accounts_need_supplier") else {
        return;
    };
    let name = store.account("x");
    let out = store.owner(&["server", "user", "add", &name, "--role", "leverancier"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains(
            "een leverancier hoort bij één leverancier: geef --supplier met een van: CBS, GGD \
             Zaanstreek-Waterland, GGZ, Gemeenten, Politie,"
        ),
        "{}",
        out.stderr
    );
    let out = store.owner(&[
        "server",
        "user",
        "add",
        &name,
        "--role",
        "leverancier",
        "--supplier",
        "Brandweer",
    ]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("de catalogus kent geen leverancier 'Brandweer'; kies een van: CBS,"),
        "{}",
        out.stderr
    );
    let out = store.owner(&[
        "server",
        "user",
        "add",
        &name,
        "--role",
        "lezer",
        "--supplier",
        "Politie",
    ]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("--supplier hoort alleen bij de rol leverancier, niet bij lezer"),
        "{}",
        out.stderr
    );
    assert_eq!(store.owner(&["server", "user", "list"]).stdout, "");
}

#[test]
fn a_leverancier_imports_its_own_supplier_and_is_refused_another_with_nothing_written() {
    let Some(store) = store("leverancier_imports") else {
        return;
    };
    let politie = store.csv("politie.csv", &POLITIE);
    let out = store.as_account("politie", &["import", politie.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let batches = store.owner(&["batches"]).stdout;
    assert!(
        batches.contains(&format!(
            "\t{}\tpolitie.csv\tactief",
            store.account("politie")
        )),
        "the batch names the database user: {batches}"
    );

    let before = store.export();
    let ggd = store.csv("ggd.csv", &GGD);
    let out = store.as_account("politie", &["import", ggd.to_str().unwrap()]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains(
            "geen rechten: uw account mag deze rijen in de tabel observations niet schrijven (alleen \
             die van de indicatoren van uw eigen leverancier); er is niets opgeslagen"
        ),
        "{}",
        out.stderr
    );
    assert_eq!(store.export(), before, "nothing written");
    assert_eq!(
        store.owner(&["batches"]).stdout,
        batches,
        "no batch left behind"
    );

    // A change to its own values goes through the history, as the owner's does.
    let changed = store.csv(
        "politie2.csv",
        &["huiselijk_geweld_incidenten;Zaanstad;2025 K1;13"],
    );
    let out = store.as_account("politie", &["import", changed.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("0 toegevoegd, 1 gewijzigd"),
        "{}",
        out.stdout
    );
    let out = store.as_account("politie", &["undo", &batch_of(&out.stdout)]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .contains("1 waarde hersteld, 0 waarden verwijderd"),
        "{}",
        out.stdout
    );
    assert_eq!(store.export(), before, "the value it replaced is back");
}

#[test]
fn a_leverancier_undoes_its_own_batch_and_is_refused_another_suppliers() {
    let Some(store) = store("leverancier_undoes") else {
        return;
    };
    let ggd = store.csv("ggd.csv", &GGD);
    let out = store.as_account("ggd", &["import", ggd.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let ggd_batch = batch_of(&out.stdout);
    let politie = store.csv("politie.csv", &POLITIE);
    let out = store.as_account("politie", &["import", politie.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let politie_batch = batch_of(&out.stdout);

    let before = store.export();
    let out = store.as_account("politie", &["undo", &ggd_batch]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains(&format!(
            "geen rechten: batch {ggd_batch} bevat waarden van indicatoren die niet van Politie \
             zijn; als leverancier maakt u alleen batches van uw eigen indicatoren ongedaan"
        )),
        "{}",
        out.stderr
    );
    assert_eq!(store.export(), before, "nothing undone");

    let out = store.as_account("politie", &["undo", &politie_batch]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        format!(
            "Batch {politie_batch} is ongedaan gemaakt: 0 waarden hersteld, 2 waarden verwijderd.\n"
        )
    );
    let after = store.export();
    assert!(
        !after.contains("huiselijk_geweld_incidenten;Zaanstad;2025 K1"),
        "{after}"
    );
    assert!(
        after.contains("meldpunt_zorg_en_overlast;Zaanstad;2025 K1;30"),
        "{after}"
    );
}

#[test]
fn a_lezer_reads_everything_and_writes_nothing() {
    let Some(store) = store("lezer_reads") else {
        return;
    };
    let politie = store.csv("politie.csv", &POLITIE);
    let out = store.owner(&["import", politie.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let batch = batch_of(&out.stdout);
    let before = store.export();

    let read = store.as_account("bestuur", &["export", "--unshielded"]);
    assert_eq!(read.code, 0, "{}", read.stderr);
    assert_eq!(read.stdout, before, "the lezer sees what the owner sees");

    let ggd = store.csv("ggd.csv", &GGD);
    let out = store.as_account("bestuur", &["import", ggd.to_str().unwrap()]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("geen rechten: als lezer wijzigt u niets in de database"),
        "{}",
        out.stderr
    );
    let out = store.as_account("bestuur", &["undo", &batch]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("geen rechten: als lezer wijzigt u niets in de database"),
        "{}",
        out.stderr
    );
    assert_eq!(store.export(), before, "nothing written");
}

#[test]
fn only_a_beheerder_manages_accounts() {
    let Some(store) = store("only_beheerder_manages") else {
        return;
    };
    let extra = store.account("extra");
    for short in ["politie", "bestuur"] {
        let out = store.as_account(
            short,
            &["server", "user", "add", &extra, "--role", "beheerder"],
        );
        assert_eq!(out.code, 1, "{short}");
        assert!(
            out.stderr
                .contains("geen rechten: alleen een beheerder beheert accounts"),
            "{short}: {}",
            out.stderr
        );
        let out = store.as_account(short, &["server", "user", "list"]);
        assert_eq!(out.code, 1, "{short}");
        assert!(
            out.stderr.contains("geen rechten: "),
            "{short}: {}",
            out.stderr
        );
    }
    let out = store.with_password(
        support::regio()
            .arg("--db")
            .arg(store.url_of("beheer"))
            .args([
                "server",
                "user",
                "add",
                &extra,
                "--role",
                "leverancier",
                "--supplier",
                "GGZ",
            ])
            .arg("--password-stdin"),
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = store.as_account("extra", &["server", "user", "list"]);
    assert_eq!(
        out.code, 1,
        "the new leverancier logs in, and may not list: {}",
        out.stderr
    );
    let list = store.as_account("beheer", &["server", "user", "list"]);
    assert!(
        list.stdout
            .contains(&format!("{extra}\tleverancier\tGGZ\n")),
        "{}",
        list.stdout
    );
}

#[test]
fn a_removed_account_is_gone_and_a_stranger_is_not_let_in() {
    let Some(store) = store("removed_account") else {
        return;
    };
    let bestuur = store.account("bestuur");
    let out = store.owner(&["server", "user", "remove", &bestuur]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let mut owner = postgres::Client::connect(store.owner_url(), postgres::NoTls).unwrap();
    let left: i64 = owner
        .query_one(
            "SELECT count(*) FROM pg_roles WHERE rolname = $1",
            &[&bestuur],
        )
        .unwrap()
        .get(0);
    assert_eq!(left, 0, "its login role went too");
    assert_eq!(store.as_account("bestuur", &["export"]).code, 1);

    // A login role of the server that is no account of this store.
    owner
        .batch_execute(&format!(
            "CREATE ROLE \"{}\" LOGIN PASSWORD '{}'",
            store.account("vreemd"),
            support::shared_store::PASSWORD
        ))
        .unwrap();
    let out = store.as_account("vreemd", &["export"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains(
            "geen rechten: uw account heeft geen toegang tot deze database; vraag de beheerder om \
             een account (regio-in-beeld server user add)"
        ),
        "{}",
        out.stderr
    );
}

#[test]
fn a_beheerder_account_imports_for_every_supplier_and_undoes_any_batch() {
    let Some(store) = store("beheerder_imports") else {
        return;
    };
    let ggd = store.csv("ggd.csv", &GGD);
    let out = store.as_account("ggd", &["import", ggd.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let ggd_batch = batch_of(&out.stdout);
    let politie = store.csv("politie.csv", &POLITIE);
    let out = store.as_account("beheer", &["import", politie.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = store.as_account("beheer", &["undo", &ggd_batch]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        !store
            .export()
            .contains("meldpunt_zorg_en_overlast;Zaanstad;2025 K1")
    );
}

#[test]
fn a_leverancier_may_not_bring_definitions_that_differ_from_the_store() {
    let Some(store) = store("leverancier_definitions") else {
        return;
    };
    let dir = store.files.path().join("indicators");
    std::fs::create_dir(&dir).unwrap();
    let source = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("indicators");
    for entry in std::fs::read_dir(source).unwrap() {
        let path = entry.unwrap().path();
        let mut text = std::fs::read_to_string(&path).unwrap();
        if path.ends_with("huiselijk_geweld_incidenten.toml") {
            text = text.replacen("name = \"", "name = \"Eigen ", 1);
        }
        std::fs::write(dir.join(path.file_name().unwrap()), text).unwrap();
    }
    let politie = store.csv("politie.csv", &POLITIE);
    let out = store.as_account(
        "politie",
        &[
            "--indicators",
            dir.to_str().unwrap(),
            "import",
            politie.to_str().unwrap(),
        ],
    );
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains(
            "geen rechten: als leverancier mag u geen indicatordefinities vastleggen, en de gegeven \
             definities wijken af van de catalogus in de database (huiselijk_geweld_incidenten); laat \
             --indicators weg, dan gelden de definities van de database"
        ),
        "{}",
        out.stderr
    );
    let out = store.as_account("politie", &["import", politie.to_str().unwrap()]);
    assert_eq!(out.code, 0, "without them it imports: {}", out.stderr);
}
