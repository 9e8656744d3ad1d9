-- Accounts and what each role may do, enforced by the server: installed by `server init` after the
-- schema, every time (each statement can run again and changes nothing the second time).
--
-- Role names are cluster-wide while one cluster may hold several regions' databases, so the three
-- group roles carry the database's name: <database>_beheerder, <database>_leverancier,
-- <database>_lezer. Membership in one region's groups gives nothing in another's database, and only
-- these groups may connect (CONNECT is revoked from PUBLIC).
--
-- beheerder: everything in the store, and manages accounts through regio_account_add/remove.
-- leverancier: reads everything; writes values, history and batches only for the indicators whose
--   current definition names its supplier (regio_accounts.supplier), by row-level security.
-- lezer: reads everything, writes nothing.
-- The database owner and superusers bypass row-level security and count as beheerder.
--
-- The SECURITY DEFINER functions name pg_temp last in their search_path: otherwise a caller's own
-- temporary table (say a regio_accounts naming another supplier) would be read before the real one.

CREATE TABLE IF NOT EXISTS regio_accounts (
    name TEXT COLLATE "C" PRIMARY KEY,
    role TEXT COLLATE "C" NOT NULL CHECK (role IN ('beheerder', 'leverancier', 'lezer')),
    supplier TEXT COLLATE "C",
    CHECK ((role = 'leverancier') = (supplier IS NOT NULL))
);

DO $$
DECLARE
    db TEXT := current_database();
    role_name TEXT;
BEGIN
    IF length(db) > 50 THEN
        RAISE EXCEPTION 'de naam van de database (%) is te lang voor de rolnamen; kies er een van hoogstens 50 tekens', db;
    END IF;
    FOREACH role_name IN ARRAY ARRAY[db || '_beheerder', db || '_leverancier', db || '_lezer'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = role_name) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', role_name);
        END IF;
        EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', db, role_name);
        EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', role_name);
        EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA public TO %I', role_name);
    END LOOP;
    EXECUTE format('REVOKE CONNECT ON DATABASE %I FROM PUBLIC', db);
    -- Nobody but the owner changes the schema.
    REVOKE CREATE ON SCHEMA public FROM PUBLIC;
    EXECUTE format('REVOKE SELECT ON regio_accounts FROM %I, %I', db || '_leverancier', db || '_lezer');

    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I',
                   db || '_beheerder');
    EXECUTE format('GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO %I', db || '_beheerder');
    -- What an import and an undo run (observations/write.rs, batches/mod.rs, undo.rs); the rows are
    -- limited by the policies below.
    EXECUTE format('GRANT INSERT, UPDATE, DELETE ON observations TO %I', db || '_leverancier');
    EXECUTE format('GRANT INSERT ON observation_history TO %I', db || '_leverancier');
    EXECUTE format('GRANT INSERT, DELETE ON batches TO %I', db || '_leverancier');
    EXECUTE format('GRANT UPDATE (finished_at, rows, undone_at) ON batches TO %I', db || '_leverancier');
    -- Batches are numbered by their INSERT (see batches/insert.sql), history rows by a sequence.
    EXECUTE format('GRANT USAGE ON SEQUENCE observation_history_id_seq TO %I', db || '_leverancier');
    -- Account management only through the functions below.
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON regio_accounts FROM %I', db || '_beheerder');
END $$;

-- The indicators whose current definition (the newest version whose batch is not undone, as in
-- definitions/current.sql) names the connected leverancier's supplier.
CREATE OR REPLACE FUNCTION regio_own_indicators() RETURNS SETOF BIGINT
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT v.indicator_number
    FROM indicator_versions v JOIN batches b ON b.id = v.batch_id
    WHERE b.undone_at IS NULL
      AND v.version = (
          SELECT max(w.version)
          FROM indicator_versions w JOIN batches c ON c.id = w.batch_id
          WHERE w.indicator_number = v.indicator_number AND c.undone_at IS NULL
      )
      AND v.supplier = (SELECT a.supplier FROM regio_accounts a
                        WHERE a.name = session_user AND a.role = 'leverancier')
$$;

-- Whether the connected leverancier may change batch ?: a batch of values (not the catalog, not the
-- CBS) that wrote and replaced only values of its own supplier's indicators.
CREATE OR REPLACE FUNCTION regio_batch_is_own(batch BIGINT) RETURNS BOOLEAN
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM batches b WHERE b.id = batch AND b.kind = 'manual')
       AND NOT EXISTS (SELECT 1 FROM observations o WHERE o.batch_id = batch
                       AND o.indicator_number NOT IN (SELECT regio_own_indicators()))
       AND NOT EXISTS (SELECT 1 FROM observation_history h WHERE h.replaced_by = batch
                       AND h.indicator_number NOT IN (SELECT regio_own_indicators()))
$$;

-- The connected user's role and supplier: the owner and superusers are beheerder; NULL role for a
-- user in none of the groups.
CREATE OR REPLACE FUNCTION regio_whoami(OUT role TEXT, OUT supplier TEXT)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT CASE
               WHEN r.rolsuper OR d.datdba = r.oid
                    OR pg_has_role(session_user, current_database() || '_beheerder', 'MEMBER')
                   THEN 'beheerder'
               WHEN pg_has_role(session_user, current_database() || '_leverancier', 'MEMBER')
                   THEN 'leverancier'
               WHEN pg_has_role(session_user, current_database() || '_lezer', 'MEMBER')
                   THEN 'lezer'
           END,
           (SELECT a.supplier FROM regio_accounts a WHERE a.name = session_user AND a.role = 'leverancier')
    FROM pg_roles r, pg_database d
    WHERE r.rolname = session_user AND d.datname = current_database()
$$;

CREATE OR REPLACE FUNCTION regio_require_beheerder() RETURNS VOID
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF (SELECT role FROM regio_whoami()) IS DISTINCT FROM 'beheerder' THEN
        RAISE EXCEPTION USING ERRCODE = '42501',
            MESSAGE = 'alleen een beheerder beheert accounts';
    END IF;
END $$;

-- A new account, or an existing login role of the cluster (an account of another region) given a
-- role here. The password, when given, is stored by the server only (scram-sha-256).
CREATE OR REPLACE FUNCTION regio_account_add(account TEXT, account_role TEXT, account_supplier TEXT,
                                             password TEXT) RETURNS VOID
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    PERFORM regio_require_beheerder();
    IF account_role NOT IN ('beheerder', 'leverancier', 'lezer') THEN
        RAISE EXCEPTION 'onbekende rol %; kies beheerder, leverancier of lezer', account_role;
    END IF;
    IF EXISTS (SELECT 1 FROM regio_accounts WHERE name = account) THEN
        RAISE EXCEPTION USING ERRCODE = '42710',
            MESSAGE = format('het account %s bestaat al; verwijder het eerst om de rol te wijzigen', account);
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = account AND (rolsuper OR NOT rolcanlogin)) THEN
        RAISE EXCEPTION USING ERRCODE = '42710',
            MESSAGE = format('%s is op de server al een rol die geen gewoon account is', account);
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = account) THEN
        EXECUTE format('CREATE ROLE %I LOGIN', account);
    END IF;
    IF password IS NOT NULL THEN
        EXECUTE format('ALTER ROLE %I PASSWORD %L', account, password);
    END IF;
    EXECUTE format('GRANT %I TO %I', current_database() || '_' || account_role, account);
    INSERT INTO regio_accounts (name, role, supplier)
    VALUES (account, account_role, CASE WHEN account_role = 'leverancier' THEN account_supplier END);
END $$;

-- Removes the account from this database; the login role itself goes when nothing else holds it
-- (another region's database may still grant it a role).
CREATE OR REPLACE FUNCTION regio_account_remove(account TEXT) RETURNS VOID
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    found TEXT;
BEGIN
    PERFORM regio_require_beheerder();
    IF account = session_user THEN
        RAISE EXCEPTION 'u kunt uw eigen account niet verwijderen';
    END IF;
    DELETE FROM regio_accounts WHERE name = account RETURNING role INTO found;
    IF found IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = '42704',
            MESSAGE = format('er is geen account %s in deze database; zie regio-in-beeld server user list', account);
    END IF;
    EXECUTE format('REVOKE %I FROM %I', current_database() || '_' || found, account);
    BEGIN
        EXECUTE format('DROP ROLE %I', account);
    EXCEPTION WHEN dependent_objects_still_exist OR insufficient_privilege OR object_in_use THEN
        NULL;
    END;
END $$;

REVOKE ALL ON FUNCTION regio_account_add(TEXT, TEXT, TEXT, TEXT) FROM PUBLIC;
REVOKE ALL ON FUNCTION regio_account_remove(TEXT) FROM PUBLIC;
DO $$
BEGIN
    EXECUTE format('GRANT EXECUTE ON FUNCTION regio_account_add(TEXT, TEXT, TEXT, TEXT), regio_account_remove(TEXT) TO %I',
                   current_database() || '_beheerder');
END $$;

-- Row-level security: the owner bypasses it (it owns the tables), so its imports and the benchmark
-- pay nothing; a beheerder's policies are `true`, chosen by role when the statement is planned.
ALTER TABLE observations ENABLE ROW LEVEL SECURITY;
ALTER TABLE observation_history ENABLE ROW LEVEL SECURITY;
ALTER TABLE batches ENABLE ROW LEVEL SECURITY;

DO $$
DECLARE
    db TEXT := current_database();
    everyone TEXT := format('%I, %I, %I', db || '_beheerder', db || '_leverancier', db || '_lezer');
    own_row TEXT := 'indicator_number IN (SELECT regio_own_indicators())
        AND (batch_id IN (SELECT b.id FROM batches b
                          WHERE b."user" = session_user AND b.finished_at IS NULL)
             OR EXISTS (SELECT 1 FROM observation_history h
                        WHERE h.batch_id = observations.batch_id
                          AND h.indicator_number = observations.indicator_number
                          AND h.area_number = observations.area_number
                          AND h.period = observations.period))';
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['observations', 'observation_history', 'batches'] LOOP
        EXECUTE format('DROP POLICY IF EXISTS regio_read ON %I', t);
        EXECUTE format('CREATE POLICY regio_read ON %I FOR SELECT TO %s USING (true)', t, everyone);
        EXECUTE format('DROP POLICY IF EXISTS regio_beheerder ON %I', t);
        EXECUTE format('CREATE POLICY regio_beheerder ON %I FOR ALL TO %I USING (true) WITH CHECK (true)',
                       t, db || '_beheerder');
    END LOOP;

    -- Another supplier's rows: an INSERT or UPDATE is refused with an error (the new row fails the
    -- check); a DELETE does not see them. A row written names the leverancier's own open batch (an
    -- import) or a batch that wrote this cell before (an undo restoring it), so values are never
    -- passed off as another batch's.
    DROP POLICY IF EXISTS regio_own_insert ON observations;
    EXECUTE format('CREATE POLICY regio_own_insert ON observations FOR INSERT TO %I
                    WITH CHECK (%s)', db || '_leverancier', own_row);
    DROP POLICY IF EXISTS regio_own_update ON observations;
    EXECUTE format('CREATE POLICY regio_own_update ON observations FOR UPDATE TO %I USING (true)
                    WITH CHECK (%s)', db || '_leverancier', own_row);
    DROP POLICY IF EXISTS regio_own_delete ON observations;
    EXECUTE format('CREATE POLICY regio_own_delete ON observations FOR DELETE TO %I
                    USING (indicator_number IN (SELECT regio_own_indicators()))', db || '_leverancier');

    DROP POLICY IF EXISTS regio_own_insert ON observation_history;
    -- History keeps the value a batch of the leverancier's own replaces, as it is stored (see
    -- observations/remember.sql): a made-up row could otherwise vouch for a false provenance above.
    EXECUTE format('CREATE POLICY regio_own_insert ON observation_history FOR INSERT TO %I
                    WITH CHECK (indicator_number IN (SELECT regio_own_indicators())
                                AND replaced_by IN (SELECT b.id FROM batches b
                                                    WHERE b."user" = session_user AND b.finished_at IS NULL)
                                AND EXISTS (SELECT 1 FROM observations o
                                            WHERE o.indicator_number = observation_history.indicator_number
                                              AND o.area_number = observation_history.area_number
                                              AND o.period = observation_history.period
                                              AND o.batch_id = observation_history.batch_id))',
                   db || '_leverancier');

    -- The batch records the database user (trigger in v7.sql); a leverancier's batches are imports.
    DROP POLICY IF EXISTS regio_own_insert ON batches;
    EXECUTE format('CREATE POLICY regio_own_insert ON batches FOR INSERT TO %I
                    WITH CHECK (kind = ''manual'')', db || '_leverancier');
    DROP POLICY IF EXISTS regio_own_update ON batches;
    EXECUTE format('CREATE POLICY regio_own_update ON batches FOR UPDATE TO %I USING (true)
                    WITH CHECK (regio_batch_is_own(id))', db || '_leverancier');
    -- Only a batch of its own that wrote nothing and is not finished: an import that changed nothing.
    DROP POLICY IF EXISTS regio_own_delete ON batches;
    EXECUTE format('CREATE POLICY regio_own_delete ON batches FOR DELETE TO %I
                    USING ("user" = session_user AND finished_at IS NULL)', db || '_leverancier');
END $$;
