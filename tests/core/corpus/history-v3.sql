-- A history database made by psoas-tui with schema 3 (commit 0e0cbb6), dumped with
-- sqlite3's iterdump: a played session of tight-psoas quit after a pain report on the first
-- hold on the right, rated too hard; desk-break logged with psoas log, rated about right; a
-- self-test. tests/core/test_sides_history.py migrates it to schema 4.
PRAGMA user_version = 3;
BEGIN TRANSACTION;
CREATE TABLE pain_reports (
        id INTEGER PRIMARY KEY,
        segment_id INTEGER NOT NULL REFERENCES segments(id),
        location TEXT NOT NULL,
        severity INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 10),
        action TEXT NOT NULL
    , kind TEXT NOT NULL DEFAULT ''
        CHECK (kind IN ('', 'sharp', 'discomfort')));
INSERT INTO "pain_reports" VALUES(1,4,'front of hip',4,'continue','discomfort');
CREATE TABLE segments (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions(id),
        position INTEGER NOT NULL,
        kind TEXT NOT NULL,
        exercise_id TEXT NOT NULL,
        exercise_name TEXT NOT NULL,
        side TEXT,
        set_number INTEGER NOT NULL,
        sets INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('done', 'skipped')),
        planned_seconds REAL,
        actual_seconds REAL NOT NULL,
        finished_at TEXT NOT NULL
    , exercise_index INTEGER);
INSERT INTO "segments" VALUES(1,1,0,'prep','half-kneeling-hip-flexor-stretch','Half-kneeling hip flexor stretch','left',1,2,'done',5.0,5.0,'2026-11-20T08:00:00+00:00',0);
INSERT INTO "segments" VALUES(2,1,1,'hold','half-kneeling-hip-flexor-stretch','Half-kneeling hip flexor stretch','left',1,2,'done',45.0,45.0,'2026-11-20T08:00:00+00:00',0);
INSERT INTO "segments" VALUES(3,1,2,'switch','half-kneeling-hip-flexor-stretch','Half-kneeling hip flexor stretch','right',1,2,'done',5.0,5.0,'2026-11-20T08:00:00+00:00',0);
INSERT INTO "segments" VALUES(4,1,3,'hold','half-kneeling-hip-flexor-stretch','Half-kneeling hip flexor stretch','right',1,2,'done',45.0,45.0,'2026-11-20T08:00:00+00:00',0);
INSERT INTO "segments" VALUES(5,1,4,'rest','half-kneeling-hip-flexor-stretch','Half-kneeling hip flexor stretch','left',2,2,'skipped',15.0,0.0,'2026-11-20T08:00:00+00:00',0);
INSERT INTO "segments" VALUES(6,1,5,'hold','half-kneeling-hip-flexor-stretch','Half-kneeling hip flexor stretch','left',2,2,'skipped',45.0,0.0,'2026-11-20T08:00:00+00:00',0);
INSERT INTO "segments" VALUES(7,1,7,'hold','half-kneeling-hip-flexor-stretch','Half-kneeling hip flexor stretch','right',2,2,'skipped',45.0,0.0,'2026-11-20T08:00:00+00:00',0);
INSERT INTO "segments" VALUES(8,1,9,'hold','low-lunge-quad-stretch','Low lunge with quad stretch','left',1,1,'skipped',30.0,0.0,'2026-11-20T08:00:00+00:00',1);
INSERT INTO "segments" VALUES(9,1,11,'hold','low-lunge-quad-stretch','Low lunge with quad stretch','right',1,1,'skipped',30.0,0.0,'2026-11-20T08:00:00+00:00',1);
INSERT INTO "segments" VALUES(10,1,13,'hold','edge-of-bed-hip-flexor-stretch','Edge-of-bed hip flexor stretch','left',1,1,'skipped',45.0,0.0,'2026-11-20T08:00:00+00:00',2);
INSERT INTO "segments" VALUES(11,1,15,'hold','edge-of-bed-hip-flexor-stretch','Edge-of-bed hip flexor stretch','right',1,1,'skipped',45.0,0.0,'2026-11-20T08:00:00+00:00',2);
INSERT INTO "segments" VALUES(12,1,17,'hold','pigeon-pose','Pigeon pose','left',1,1,'skipped',30.0,0.0,'2026-11-20T08:00:00+00:00',3);
INSERT INTO "segments" VALUES(13,1,19,'hold','pigeon-pose','Pigeon pose','right',1,1,'skipped',30.0,0.0,'2026-11-20T08:00:00+00:00',3);
INSERT INTO "segments" VALUES(14,1,21,'hold','cobra-pose','Cobra pose',NULL,1,2,'skipped',20.0,0.0,'2026-11-20T08:00:00+00:00',4);
INSERT INTO "segments" VALUES(15,1,23,'hold','cobra-pose','Cobra pose',NULL,2,2,'skipped',20.0,0.0,'2026-11-20T08:00:00+00:00',4);
INSERT INTO "segments" VALUES(16,1,25,'reps','glute-bridge','Glute bridge',NULL,1,1,'skipped',80.0,0.0,'2026-11-20T08:00:00+00:00',5);
INSERT INTO "segments" VALUES(17,2,0,'prep','stand-and-walk','Stand up and walk around',NULL,1,1,'done',5.0,5.0,'2026-11-21T08:00:05+00:00',0);
INSERT INTO "segments" VALUES(18,2,1,'hold','stand-and-walk','Stand up and walk around',NULL,1,1,'done',60.0,60.0,'2026-11-21T08:01:05+00:00',0);
INSERT INTO "segments" VALUES(19,2,2,'prep','standing-hip-flexor-stretch','Standing hip flexor stretch','left',1,1,'done',5.0,5.0,'2026-11-21T08:01:10+00:00',1);
INSERT INTO "segments" VALUES(20,2,3,'hold','standing-hip-flexor-stretch','Standing hip flexor stretch','left',1,1,'done',30.0,30.0,'2026-11-21T08:01:40+00:00',1);
INSERT INTO "segments" VALUES(21,2,4,'switch','standing-hip-flexor-stretch','Standing hip flexor stretch','right',1,1,'done',5.0,5.0,'2026-11-21T08:01:45+00:00',1);
INSERT INTO "segments" VALUES(22,2,5,'hold','standing-hip-flexor-stretch','Standing hip flexor stretch','right',1,1,'done',30.0,30.0,'2026-11-21T08:02:15+00:00',1);
INSERT INTO "segments" VALUES(23,2,6,'prep','seated-march','Seated march',NULL,1,1,'done',5.0,5.0,'2026-11-21T08:02:20+00:00',2);
INSERT INTO "segments" VALUES(24,2,7,'reps','seated-march','Seated march',NULL,1,1,'done',40.0,40.0,'2026-11-21T08:03:00+00:00',2);
INSERT INTO "segments" VALUES(25,2,8,'prep','seated-psoas-stretch','Seated psoas stretch','left',1,1,'done',5.0,5.0,'2026-11-21T08:03:05+00:00',3);
INSERT INTO "segments" VALUES(26,2,9,'hold','seated-psoas-stretch','Seated psoas stretch','left',1,1,'done',30.0,30.0,'2026-11-21T08:03:35+00:00',3);
INSERT INTO "segments" VALUES(27,2,10,'switch','seated-psoas-stretch','Seated psoas stretch','right',1,1,'done',5.0,5.0,'2026-11-21T08:03:40+00:00',3);
INSERT INTO "segments" VALUES(28,2,11,'hold','seated-psoas-stretch','Seated psoas stretch','right',1,1,'done',30.0,30.0,'2026-11-21T08:04:10+00:00',3);
CREATE TABLE selftest_results (
        id INTEGER PRIMARY KEY,
        taken_at TEXT NOT NULL,
        verdict TEXT NOT NULL,
        tight_sides TEXT NOT NULL DEFAULT '',
        weak_sides TEXT NOT NULL DEFAULT '',
        rectus_femoris TEXT NOT NULL DEFAULT '',
        answers_json TEXT NOT NULL,
        result_json TEXT NOT NULL
    );
INSERT INTO "selftest_results" VALUES(1,'2026-11-01T08:00:00+00:00','tight','left','','','{"a": 1}','{"r": 1}');
CREATE TABLE "sessions" (
        id INTEGER PRIMARY KEY,
        routine_id TEXT NOT NULL,
        routine_name TEXT NOT NULL,
        file_hash TEXT NOT NULL DEFAULT '',
        started_at TEXT NOT NULL,
        ended_at TEXT,
        outcome TEXT CHECK (outcome IN ('completed', 'skipped', 'quit', 'interrupted')),
        rating TEXT CHECK (rating IN ('too_easy', 'about_right', 'too_hard')),
        planned_seconds REAL NOT NULL DEFAULT 0,
        pid INTEGER
    );
INSERT INTO "sessions" VALUES(1,'tight-psoas','Tight psoas','709ae508cedd03c12148b56a77213003dc3ecc39abbf6572725bc541c48b37d4','2026-11-20T08:00:00+00:00','2026-11-20T08:00:00+00:00','quit','too_hard',595.0,1);
INSERT INTO "sessions" VALUES(2,'desk-break','Desk break','7d466e510b44da371d4496283735312a0bd9b658e7740be7ebc8d9ae55140225','2026-11-21T08:00:00+00:00','2026-11-21T08:04:10+00:00','completed','about_right',250.0,1);
CREATE INDEX segments_by_session ON segments(session_id);
CREATE INDEX selftest_results_by_time ON selftest_results(taken_at);
COMMIT;
