package com.moviepeople.export;

import com.moviepeople.IntegrationTest;
import com.moviepeople.feed.Feed;
import com.moviepeople.media.PrivateFiles;
import com.moviepeople.media.TestPictures;
import com.moviepeople.messaging.Messaging;
import com.moviepeople.shared.CurrentMember;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Export everything": a member's request becomes a zip built in the background with every file
 * of their data, documented in its README; nothing of others beyond what the member could see;
 * one a day; only the owner downloads it, for 7 days; its file goes with expiry and with the account.
 */
class ExportIntegrationTests extends IntegrationTest {

    @Autowired
    ExportWorker worker;

    @Autowired
    ExportHousekeeping housekeeping;

    @Autowired
    PrivateFiles files;

    @Autowired
    Feed feed;

    @Autowired
    Messaging messaging;

    @Autowired
    JsonMapper json;

    private void requestExport(CurrentMember m) throws Exception {
        mvc.perform(post("/settings/export").with(user(m)).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/settings/export"))
                .andExpect(flash().attribute("success", containsString("We are preparing your export")));
    }

    private long exportId(CurrentMember m) {
        return jdbc.queryForObject("select id from data_export where member_id = ? order by id desc limit 1", Long.class, m.id());
    }

    /** Requests an export, runs the worker as the schedule would, and returns the export's id. */
    private long readyExport(CurrentMember m) throws Exception {
        requestExport(m);
        assertThat(worker.runDue()).isGreaterThanOrEqualTo(1);
        long id = exportId(m);
        assertThat(jdbc.queryForObject("select status from data_export where id = ?", String.class, id)).isEqualTo("ready");
        return id;
    }

    private byte[] download(CurrentMember m, long id) throws Exception {
        MvcResult result = mvc.perform(get("/settings/export/" + id + "/download").with(user(m)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/zip"))
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(header().string("Content-Disposition",
                        containsString("attachment; filename=\"moviepeople-export-" + m.username() + "-")))
                .andReturn();
        return result.getResponse().getContentAsByteArray();
    }

    /** Other tests' exports still waiting would be claimed too: out of the way. */
    private void onlyExportsOf(CurrentMember m) {
        jdbc.update("update data_export set status = 'failed' where member_id <> ? and status in ('requested', 'running')", m.id());
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static String string(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    @Test
    void theZipHoldsTheMembersDataInDocumentedJsonAndNothingOfOthersBeyondWhatTheyCouldSee() throws Exception {
        CurrentMember maya = newMember("maya");
        CurrentMember ben = newMember("ben");
        CurrentMember chloe = newMember("chloe");
        CurrentMember dan = newMember("dan");
        connect(maya, ben);
        connect(ben, chloe);

        // Profile with a photo (uploaded, so its file is really stored) and fields.
        mvc.perform(multipart("/profile/photo").file(new MockMultipartFile("photo", "me.jpg", "image/jpeg", TestPictures.jpeg(800, 600)))
                .with(user(maya)).with(csrf())).andExpect(status().is3xxRedirection());
        String photoId = jdbc.queryForObject("select photo_id from profile where member_id = ?", String.class, maya.id());
        assertThat(photoId).isNotNull();
        jdbc.update("update profile set headline = 'Gaffer — Łódź & Zürich', role = 'Gaffer', location = 'Berlin', bio = 'Lights.' where member_id = ?", maya.id());
        jdbc.update("insert into portfolio_item (owner_id, title, description, year) values (?, 'Night Shoot Reel', 'A reel', 2024)", maya.id());

        long myPost = feed.publish(maya.id(), "My first post about lenses");
        feed.comment(ben.id(), myPost, "Ben says great lenses");
        long bensPost = feed.publish(ben.id(), "Ben's post about dollies");
        feed.comment(maya.id(), bensPost, "Maya comments on dollies");
        messaging.send(maya.id(), ben.id(), "Maya to Ben: call time 6am");
        messaging.send(ben.id(), maya.id(), "Ben to Maya: see you there");
        messaging.send(ben.id(), chloe.id(), "SECRET between Ben and Chloe");
        messaging.send(chloe.id(), ben.id(), "SECRET reply from Chloe");
        jdbc.update("insert into member_block (blocker_id, blocked_id) values (?, ?)", maya.id(), dan.id());

        long production = jdbc.queryForObject("insert into production (title, year, kind) values (?, 2023, 'feature') returning id",
                Long.class, "Export Test Film " + maya.username());
        jdbc.update("insert into credit (production_id, member_id, role, department) values (?, ?, 'Gaffer', 'Lighting')", production, maya.id());
        jdbc.update("insert into availability_range (member_id, start_date, end_date, status, note) values (?, date '2030-03-01', date '2030-03-10', 'BOOKED', 'Private client')", maya.id());
        jdbc.update("""
                insert into crew_call (poster_id, title, role, location, start_date, end_date, unpaid, deadline, description)
                values (?, 'Best boy for a short', 'Best boy', 'Berlin', date '2030-05-01', date '2030-05-05', true, date '2030-04-20', 'Two days of fun')""", maya.id());
        long bensCall = jdbc.queryForObject("""
                insert into crew_call (poster_id, title, role, location, start_date, end_date, unpaid, deadline, description)
                values (?, 'Gaffer wanted', 'Gaffer', 'Hamburg', date '2030-06-01', date '2030-06-05', true, date '2030-05-20', 'Ben needs light')
                returning id""", Long.class, ben.id());
        jdbc.update("insert into call_application (call_id, applicant_id, note) values (?, ?, 'Pick me')", bensCall, maya.id());

        long id = readyExport(maya);
        mvc.perform(get("/settings/export").with(user(maya)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-export-status=\"ready\"")))
                .andExpect(content().string(containsString("data-export-download")))
                .andExpect(content().string(containsString("/settings/export/" + id + "/download")))
                .andExpect(content().string(containsString("available until")));

        byte[] zip = download(maya, id);
        Map<String, byte[]> entries = unzip(zip);
        assertThat(entries).containsKeys("README.txt", "account.json", "profile.json", "portfolio.json", "connections.json",
                "posts.json", "comments.json", "messages.json", "blocks.json", "credits.json", "availability.json",
                "calls.json", "notification-settings.json", "pictures/" + photoId + ".jpg");
        String readme = new String(entries.get("README.txt"), StandardCharsets.UTF_8);
        for (String name : List.of("profile.json", "messages.json", "pictures/", "calls.json")) {
            assertThat(readme).contains(name);
        }

        JsonNode profile = json.readTree(entries.get("profile.json"));
        assertThat(string(profile.get("username"))).isEqualTo(maya.username());
        assertThat(string(profile.get("headline"))).isEqualTo("Gaffer — Łódź & Zürich");
        assertThat(string(profile.get("photo"))).isEqualTo("pictures/" + photoId + ".jpg");
        // ISO-8601, not a number.
        assertThat(string(profile.get("updatedAt"))).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        // Her own privacy choices (the defaults here): who sees what.
        assertThat(string(profile.get("privacy").get("email"))).isEqualTo("nobody");
        assertThat(string(profile.get("privacy").get("location"))).isEqualTo("everyone");
        assertThat(new String(entries.get("profile.json"), StandardCharsets.UTF_8)).contains("Łódź");
        assertThat(entries.get("pictures/" + photoId + ".jpg")).startsWith((byte) 0xFF, (byte) 0xD8);

        assertThat(string(json.readTree(entries.get("account.json")).get("email"))).isEqualTo(maya.username() + "@example.com");
        assertThat(string(json.readTree(entries.get("portfolio.json")).get(0).get("title"))).isEqualTo("Night Shoot Reel");

        JsonNode connections = json.readTree(entries.get("connections.json"));
        assertThat(connections.size()).isOne();
        assertThat(string(connections.get(0).get("username"))).isEqualTo(ben.username());
        assertThat(string(connections.get(0).get("displayName"))).isEqualTo("Ben Tester");
        assertThat(string(connections.get(0).get("connectedAt"))).endsWith("Z");

        JsonNode posts = json.readTree(entries.get("posts.json"));
        assertThat(posts.size()).isOne();
        assertThat(string(posts.get(0).get("body"))).isEqualTo("My first post about lenses");
        assertThat(string(posts.get(0).get("comments").get(0).get("body"))).isEqualTo("Ben says great lenses");
        assertThat(string(posts.get(0).get("comments").get(0).get("author").get("displayName"))).isEqualTo("Ben Tester");

        JsonNode comments = json.readTree(entries.get("comments.json"));
        assertThat(comments.size()).isOne();
        assertThat(string(comments.get(0).get("body"))).isEqualTo("Maya comments on dollies");
        assertThat(string(comments.get(0).get("postAuthor").get("username"))).isEqualTo(ben.username());

        JsonNode messages = json.readTree(entries.get("messages.json"));
        assertThat(messages.size()).isEqualTo(2);
        assertThat(string(messages.get(0).get("direction"))).isEqualTo("sent");
        assertThat(string(messages.get(0).get("body"))).isEqualTo("Maya to Ben: call time 6am");
        assertThat(string(messages.get(1).get("direction"))).isEqualTo("received");
        assertThat(string(messages.get(1).get("body"))).isEqualTo("Ben to Maya: see you there");
        assertThat(string(messages.get(1).get("with").get("username"))).isEqualTo(ben.username());

        JsonNode blocks = json.readTree(entries.get("blocks.json"));
        assertThat(string(blocks.get(0).get("username"))).isEqualTo(dan.username());
        assertThat(blocks.get(0).has("displayName")).isFalse();

        JsonNode credits = json.readTree(entries.get("credits.json"));
        assertThat(string(credits.get(0).get("role"))).isEqualTo("Gaffer");
        assertThat(credits.get(0).get("production").get("year").asInt()).isEqualTo(2023);

        JsonNode availability = json.readTree(entries.get("availability.json"));
        assertThat(string(availability.get("ranges").get(0).get("startDate"))).isEqualTo("2030-03-01");
        assertThat(string(availability.get("ranges").get(0).get("note"))).isEqualTo("Private client");

        JsonNode calls = json.readTree(entries.get("calls.json"));
        assertThat(string(calls.get("posted").get(0).get("title"))).isEqualTo("Best boy for a short");
        assertThat(string(calls.get("posted").get(0).get("deadline"))).isEqualTo("2030-04-20");
        assertThat(string(calls.get("applications").get(0).get("note"))).isEqualTo("Pick me");
        assertThat(string(calls.get("applications").get(0).get("call").get("postedBy"))).isEqualTo(ben.username());

        assertThat(string(json.readTree(entries.get("notification-settings.json")).get("emailFrequency"))).isEqualTo("daily");

        // Nothing of others beyond what Maya could see: not Ben and Chloe's messages, no one else's
        // address, no one else's picture (whole archive, compressed or not: the entries' bytes).
        String everything = entries.values().stream().map(b -> new String(b, StandardCharsets.ISO_8859_1))
                .reduce("", String::concat);
        assertThat(everything).doesNotContain("SECRET").doesNotContain("Chloe")
                .doesNotContain(ben.username() + "@example.com").doesNotContain(chloe.username() + "@example.com")
                .doesNotContain(dan.username() + "@example.com");
        assertThat(entries.keySet().stream().filter(n -> n.startsWith("pictures/"))).containsExactly("pictures/" + photoId + ".jpg");
    }

    @Test
    void thousandsOfMessagesCostAFewStatements() throws Exception {
        CurrentMember maya = newMember("maya");
        CurrentMember ben = newMember("ben");
        CurrentMember chloe = newMember("chloe");
        connect(maya, ben);
        connect(maya, chloe);
        messaging.send(maya.id(), ben.id(), "first to Ben");
        messaging.send(maya.id(), chloe.id(), "first to Chloe");
        // 2,500 more each way in both conversations, as set-up SQL (the conversation rows exist now).
        for (CurrentMember other : List.of(ben, chloe)) {
            jdbc.update("""
                    insert into message (sender_id, recipient_id, body, sent_at)
                    select case when g % 2 = 0 then ? else ? end, case when g % 2 = 0 then ? else ? end, 'bulk ' || g, now()
                    from generate_series(1, 2500) g""", maya.id(), other.id(), other.id(), maya.id());
        }
        requestExport(maya);
        onlyExportsOf(maya);
        queries.reset();
        assertThat(worker.runDue()).isOne();
        // 5,002 messages in chunks of 1,000: about a dozen statements for them, never one per message.
        assertThat(queries.count()).isLessThan(50);
        byte[] zip = download(maya, exportId(maya));
        assertThat(json.readTree(unzip(zip).get("messages.json")).size()).isEqualTo(5_002);
    }

    @Test
    void oneExportADayAndAnotherOnceTheLastFailed() throws Exception {
        CurrentMember maya = newMember("maya");
        requestExport(maya);
        mvc.perform(post("/settings/export").with(user(maya)).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/settings/export"))
                .andExpect(flash().attribute("error", containsString("one export a day; the next from")));
        assertThat(jdbc.queryForObject("select count(*) from data_export where member_id = ?", Long.class, maya.id())).isOne();
        mvc.perform(get("/settings/export").with(user(maya)))
                .andExpect(content().string(containsString("data-export-status=\"requested\"")))
                .andExpect(content().string(not(containsString("data-export-download"))));

        jdbc.update("update data_export set status = 'failed' where member_id = ?", maya.id());
        requestExport(maya);
        assertThat(jdbc.queryForObject("select count(*) from data_export where member_id = ?", Long.class, maya.id())).isEqualTo(2);
        // Yesterday's does not count.
        CurrentMember ben = newMember("ben");
        requestExport(ben);
        jdbc.update("update data_export set requested_at = now() - interval '25 hours' where member_id = ?", ben.id());
        requestExport(ben);
    }

    @Test
    void onlyTheOwnerDownloadsAndOnlyWhileItIsReady() throws Exception {
        CurrentMember maya = newMember("maya");
        CurrentMember ben = newMember("ben");
        connect(maya, ben);
        long id = readyExport(maya);
        String url = "/settings/export/" + id + "/download";

        mvc.perform(get(url).with(user(ben))).andExpect(status().isNotFound());
        mvc.perform(get(url)).andExpect(status().isFound()).andExpect(header().string("Location", containsString("/login")));
        mvc.perform(get("/settings/export/999999999/download").with(user(maya))).andExpect(status().isNotFound());
        mvc.perform(get("/settings/export/abc/download").with(user(maya))).andExpect(status().isNotFound());
        // Another member's page does not list it.
        mvc.perform(get("/settings/export").with(user(ben)))
                .andExpect(content().string(not(containsString(url))));
        download(maya, id);

        jdbc.update("update data_export set expires_at = now() - interval '1 second' where id = ?", id);
        mvc.perform(get(url).with(user(maya))).andExpect(status().isNotFound());
        mvc.perform(get("/settings/export").with(user(maya)))
                .andExpect(content().string(containsString("data-export-status=\"expired\"")))
                .andExpect(content().string(not(containsString(url))));
    }

    @Test
    void theCleanUpDeletesExpiredFilesAndMarksTheirRows() throws Exception {
        CurrentMember maya = newMember("maya");
        long id = readyExport(maya);
        String key = jdbc.queryForObject("select storage_key from data_export where id = ?", String.class, id);
        assertThat(files.open(key)).isPresent().get().satisfies(f -> f.content().close());

        // Not yet: a fresh export stays.
        housekeeping.cleanUp(Instant.now());
        assertThat(files.open(key)).isPresent().get().satisfies(f -> f.content().close());

        jdbc.update("update data_export set expires_at = now() - interval '1 minute' where id = ?", id);
        assertThat(housekeeping.cleanUp(Instant.now())).isGreaterThanOrEqualTo(1);
        assertThat(files.open(key)).isEmpty();
        assertThat(jdbc.queryForMap("select status, storage_key from data_export where id = ?", id))
                .containsEntry("status", "expired").containsEntry("storage_key", null);
    }

    @Test
    void deletingTheAccountDeletesItsExportFiles() throws Exception {
        CurrentMember maya = newMember("maya");
        long id = readyExport(maya);
        String key = jdbc.queryForObject("select storage_key from data_export where id = ?", String.class, id);
        mvc.perform(post("/settings/delete-account").with(user(maya)).with(csrf()).param("password", PASSWORD))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForObject("select count(*) from data_export where id = ?", Long.class, id)).isZero();
        assertThat(files.open(key)).isEmpty();
    }

    @Test
    void twoWorkersAtOnceBuildAnExportOnce() throws Exception {
        CurrentMember maya = newMember("maya");
        requestExport(maya);
        onlyExportsOf(maya);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Callable<Boolean> claimAndBuild = () -> {
                start.await();
                return worker.claim().map(worker::build).orElse(false);
            };
            List<Future<Boolean>> results = List.of(pool.submit(claimAndBuild), pool.submit(claimAndBuild));
            start.countDown();
            long built = 0;
            for (Future<Boolean> result : results) {
                if (result.get()) {
                    built++;
                }
            }
            assertThat(built).isOne();
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForMap("select status, attempts from data_export where member_id = ?", maya.id()))
                .containsEntry("status", "ready").containsEntry("attempts", 1);
    }

    @Test
    void anExportWhoseBuilderDiedIsTakenAgainAfterTheLeaseAndFailsAfterThreeAttempts() throws Exception {
        CurrentMember maya = newMember("maya");
        requestExport(maya);
        onlyExportsOf(maya);
        long id = exportId(maya);
        for (int attempt = 1; attempt <= ExportWorker.ATTEMPTS; attempt++) {
            assertThat(worker.claim()).hasValueSatisfying(c -> assertThat(c.id()).isEqualTo(id));
            // Claimed and "crashed": nobody else takes it while the lease lasts.
            assertThat(worker.claim()).isEmpty();
            jdbc.update("update data_export set claimed_until = now() - interval '1 second' where id = ?", id);
        }
        assertThat(worker.runDue()).isZero();
        assertThat(jdbc.queryForObject("select status from data_export where id = ?", String.class, id)).isEqualTo("failed");
        mvc.perform(get("/settings/export").with(user(maya)))
                .andExpect(content().string(containsString("data-export-status=\"failed\"")));
        // A failed export does not count against the day.
        requestExport(maya);
    }

    @Test
    void anIdlePollRunsOneReadAndNoUpdate() throws Exception {
        CurrentMember maya = newMember("maya");
        requestExport(maya);
        onlyExportsOf(maya);
        assertThat(worker.runDue()).isOne();
        queries.clearWrites();
        queries.reset();

        assertThat(worker.runDue()).isZero();

        assertThat(queries.count()).isOne();
        assertThat(queries.writes()).isEmpty();
    }
}
