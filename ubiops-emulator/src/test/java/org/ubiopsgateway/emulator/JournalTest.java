package org.ubiopsgateway.emulator;

import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The journal records every API call with its operation id and status, in order. */
class JournalTest extends EmulatorTestBase {

    @Test
    void peakConcurrencyCountsCallsInFlightTogether() throws Exception {
        emulator.faults().add(FaultRule.latency("/v2.1/projects/.*", Duration.ofMillis(300)));
        api().get("/projects/demo-project").then().statusCode(200);
        assertEquals(1, emulator.journal().peakConcurrency(), "one call at a time");

        emulator.journal().clear();
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                calls.add(pool.submit(() -> api().get("/projects/demo-project").statusCode()));
            }
            for (Future<Integer> call : calls) {
                assertEquals(200, call.get());
            }
        } finally {
            pool.shutdown();
        }
        assertTrue(emulator.journal().peakConcurrency() >= 2,
                "five parallel calls of 300 ms overlap: " + emulator.journal().peakConcurrency());
        assertTrue(emulator.journal().peakConcurrency() <= 5);
    }

    @Test
    void callsAreRecordedWithOperationAndStatus() {
        api().queryParam("organization", "demo-organization").get("/projects").then().statusCode(200);
        api().get("/projects/missing").then().statusCode(404);
        RestAssured.given().baseUri(emulator.baseUrl()).get("/projects").then().statusCode(401);
        api().get("/nothing-here").then().statusCode(404);

        List<JournalEntry> entries = emulator.journal().entries();
        assertEquals(4, entries.size());
        JournalEntry list = entries.get(0);
        assertEquals("GET", list.method());
        assertEquals("/v2.1/projects", list.path());
        assertEquals("organization=demo-organization", list.query());
        assertEquals("projects_list", list.operation());
        assertEquals(200, list.status());
        assertEquals("projects_get", entries.get(1).operation());
        assertEquals(404, entries.get(1).status());
        assertNull(entries.get(2).operation(), "refused before any operation ran");
        assertEquals(401, entries.get(2).status());
        assertNull(entries.get(3).operation());
        assertTrue(entries.get(0).sequence() < entries.get(1).sequence());
        assertEquals(1, emulator.journal().count("projects_list"));
        assertEquals(1, emulator.journal().entries("projects_get").size());
    }

    @Test
    void aCallIsRecordedOnceWithItsFirstOutcome() {
        Journal journal = new Journal();
        Journal.Call call = journal.started("GET", "/v2.1/projects", null);
        call.leaving();
        call.answered("projects_list", 200); // its answer written
        call.answered("projects_list", 0); // its connection closed later
        assertEquals(1, journal.size());
        assertEquals(200, journal.entries().get(0).status());

        journal.clear(); // the peak starts again from the calls in flight
        assertEquals(0, journal.peakConcurrency(), "the call left the flight once");
    }

    @Test
    void aFullJournalKeepsTheNewestCalls() {
        Journal journal = new Journal();
        int calls = Journal.CAPACITY + 10;
        for (int i = 0; i < calls; i++) {
            journal.started("GET", "/v2.1/projects", null).answered("projects_list", 200);
        }
        List<JournalEntry> entries = journal.entries();
        assertEquals(Journal.CAPACITY, entries.size(), "bounded after every call, not only now and then");
        assertEquals(11, entries.get(0).sequence(), "the oldest ten dropped");
        assertEquals(calls, entries.get(entries.size() - 1).sequence());

        journal.clear();
        journal.started("GET", "/v2.1/projects", null).answered("projects_list", 200);
        assertEquals(1, journal.size(), "counted again from empty");
    }

    @Test
    void aReaderWaitsForAnAnswerBeingWritten() throws Exception {
        Journal journal = new Journal();
        Journal.Call call = journal.started("GET", "/v2.1/projects", null);
        call.leaving();
        Thread loop = new Thread(() -> {
            try {
                Thread.sleep(100); // the emulator's loop, preempted between the answer's bytes and its record
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            call.answered("projects_list", 200);
        });
        loop.start();
        assertEquals(List.of("projects_list"), journal.entries().stream().map(JournalEntry::operation).toList());
        loop.join();
    }

    @Test
    void anAnswerLeavesAfterItsDelayAndBeforeItIsRecorded() {
        emulator.faults().add(FaultRule.latency("/v2.1/projects/.*", Duration.ofMillis(200)));
        api().get("/projects/demo-project").then().statusCode(200);
        JournalEntry entry = emulator.journal().entries().get(0);
        assertTrue(entry.leavingMicros() - entry.receivedMicros() >= 190_000, "left after the injected latency");
        assertTrue(entry.leavingMicros() <= entry.answeredMicros(), "handed to be written, then recorded");
        RestAssured.given().get(emulator.controlUrl() + "/journal").then().statusCode(200)
                .body("[0].leaving_us", equalTo(entry.leavingMicros()));
    }

    @Test
    void controlCallsAreNotJournaled() {
        RestAssured.given().get(emulator.controlUrl() + "/health").then().statusCode(200);
        assertEquals(0, emulator.journal().size());
    }

    @Test
    void resetEmptiesTheJournal() {
        RestAssured.given().baseUri(emulator.baseUrl()).get("/projects").then().statusCode(401);
        assertEquals(1, emulator.journal().size());
        emulator.reset();
        assertEquals(0, emulator.journal().size());
    }
}
