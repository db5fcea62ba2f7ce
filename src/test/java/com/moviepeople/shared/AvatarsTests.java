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

    @Test
    void initialsReadCharacterByCharacterAgreeWithSplittingOnTheSeparators() {
        for (String name : new String[] {"Agnieszka Kowalska", "-anna  _bell", "a.b.c", "x_y-z", " \t\nMaya\r\fRo ",
                "\u00A0Ann\u00A0Lee Mo", "🎬Anna Bell", "𝓐lice 𝓑ob", "Ñ ñ", "1st Unit", "...", "o'Neil Smith", "\u000BVe\u000BWu"}) {
            assertThat(Avatars.initialsOf(name)).as(name).isEqualTo(splitting(name));
        }
    }

    /** The former implementation: the words of {@code String.split("[\\s._-]+")}. */
    private static String splitting(String name) {
        StringBuilder initials = new StringBuilder(4);
        int count = 0;
        for (String word : name.strip().split("[\\s._-]+")) {
            int first = word.isEmpty() ? 0 : word.codePointAt(0);
            if (Character.isLetterOrDigit(first)) {
                initials.appendCodePoint(first);
                if (++count == 2) {
                    break;
                }
            }
        }
        return initials.isEmpty() ? "?" : initials.toString().toUpperCase(java.util.Locale.ROOT);
    }
}
