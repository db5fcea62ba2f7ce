package com.moviepeople.shared;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AvatarsTests {

    private final Avatars avatars = new Avatars();

    @Test
    void initialsAreTheFirstLettersOfUpToTwoWords() {
        assertThat(avatars.initials("Agnieszka Kowalska")).isEqualTo("AK");
        assertThat(avatars.initials("Jean-Luc  de la Croix")).isEqualTo("JL");
        assertThat(avatars.initials("maya")).isEqualTo("M");
        assertThat(avatars.initials("Łukasz Żuk")).isEqualTo("ŁŻ");
    }

    @Test
    void nothingToShowGivesAQuestionMark() {
        assertThat(avatars.initials(null)).isEqualTo("?");
        assertThat(avatars.initials("   ")).isEqualTo("?");
        assertThat(avatars.initials("🎬 ✨")).isEqualTo("?");
    }

    @Test
    void toneIsStablePerNameAndUsesEveryColour() {
        assertThat(avatars.tone("Agnieszka Kowalska")).isEqualTo(avatars.tone(" agnieszka kowalska "));
        Set<Integer> tones = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            int tone = avatars.tone("Member " + i);
            assertThat(tone).isBetween(0, Avatars.TONES - 1);
            tones.add(tone);
        }
        assertThat(tones).hasSize(Avatars.TONES);
        assertThat(avatars.tone(null)).isZero();
    }
}
