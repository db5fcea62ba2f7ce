package com.moviepeople.profiles;

import com.moviepeople.IntegrationTest;
import com.moviepeople.shared.CurrentMember;
import com.moviepeople.shared.MemberCard;
import com.moviepeople.shared.MemberCards;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MemberCardServiceTests extends IntegrationTest {

    @Autowired
    MemberCards cards;

    @Autowired
    ProfileService profiles;


    @Test
    void cardsCarryNameAndProfileBasicsAndLeaveOutUnknownIds() {
        CurrentMember filled = newMember("card");
        CurrentMember empty = newMember("bare");
        profiles.save(filled.id(), new ProfileForm("Card Person", "Cuts trailers", "Trailer Editor", "Paris, France", "", ""));
        Map<Long, MemberCard> found = cards.cardsFor(List.of(filled.id(), empty.id(), 987654321L));
        assertThat(found).containsOnlyKeys(filled.id(), empty.id());
        assertThat(found.get(filled.id())).isEqualTo(new MemberCard(filled.id(), filled.username(), "Card Person",
                "Cuts trailers", "Trailer Editor", "Paris, France", null));
        assertThat(found.get(empty.id())).isEqualTo(new MemberCard(empty.id(), empty.username(), "Bare Tester", null, null, null, null));
        assertThat(cards.cardsFor(List.of())).isEmpty();
    }

    @Test
    void usesTwoQueriesWhateverTheNumberOfMembers() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            CurrentMember m = newMember("many");
            ids.add(m.id());
            if (i % 2 == 0) {
                profiles.save(m.id(), new ProfileForm("Many " + i, "Headline " + i, "Gaffer", "Berlin", "", ""));
            }
        }
        queries.reset();
        Map<Long, MemberCard> found = cards.cardsFor(ids);
        assertThat(found).hasSize(25);
        assertThat(queries.count()).isEqualTo(2);
        assertThat(found.keySet()).as("in the order asked for").containsExactlyElementsOf(ids);

        // Kept in memory: asked again, no query at all.
        queries.reset();
        assertThat(cards.cardsFor(ids)).isEqualTo(found);
        assertThat(queries.count()).isZero();
    }

    @Test
    void aSavedProfileOrADeletedAccountIsNeverServedFromMemory() throws Exception {
        CurrentMember m = newMember("renamed");
        CurrentMember gone = newMember("leaving");
        assertThat(cards.cardsFor(List.of(m.id(), gone.id()))).hasSize(2); // now kept in memory
        profiles.save(m.id(), new ProfileForm("New Name", "Now a colourist", "Colourist", "Lisbon", "", ""));
        assertThat(cards.cardsFor(List.of(m.id())).get(m.id()).displayName()).isEqualTo("New Name");
        assertThat(cards.cardsFor(List.of(m.id())).get(m.id()).role()).isEqualTo("Colourist");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/settings/delete-account")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(gone))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("password", PASSWORD));
        assertThat(jdbc.queryForObject("select count(*) from member where id = ?", Long.class, gone.id())).isZero();
        assertThat(cards.cardsFor(List.of(gone.id()))).isEmpty();
    }
}
