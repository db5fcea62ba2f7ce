package com.moviepeople.accounts;

import com.moviepeople.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/** Unicode and look-alike usernames: normalised with NFKC, and no two members share a "skeleton". */
class UsernameSkeletonIntegrationTests extends IntegrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"anna.k", "ANN4-k", "rnaya_01", "vvim-i1", "a.b_c-d", "0ll1e", "plain"})
    void javaAndSqlSkeletonsAgree(String username) {
        String sql = jdbc.queryForObject("select mp_username_skeleton(?)", String.class, username);
        assertThat(UsernameRules.skeleton(username)).isEqualTo(sql);
    }

    @Test
    void foldsLookAlikes() {
        assertThat(UsernameRules.skeleton("anna.k")).isEqualTo(UsernameRules.skeleton("annak")).isEqualTo(UsernameRules.skeleton("anna_k"));
        assertThat(UsernameRules.skeleton("rnaya")).isEqualTo(UsernameRules.skeleton("maya"));
        assertThat(UsernameRules.skeleton("b0b1")).isEqualTo(UsernameRules.skeleton("bobi"));
    }

    @Test
    void refusesLookAlikesOfExistingMembers() throws Exception {
        String base = "skel" + (System.nanoTime() % 100000) + "abc";
        accounts.registerVerified(base, base + "@example.com", PASSWORD, "Original");
        for (String lookAlike : new String[] {base.replace("abc", ".abc"), base.replace("abc", "-a-b-c"),
                base.replace("skel", "ske1")}) {
            mvc.perform(post("/signup").with(csrf()).param("username", lookAlike).param("email", "x" + System.nanoTime() + "@example.com")
                            .param("password", "a sensible passphrase").param("displayName", "Copycat"))
                    .andExpect(model().attributeHasFieldErrors("signupForm", "username"));
            assertThat(accounts.findByUsername(lookAlike)).isEmpty();
        }
    }

    @Test
    void databaseRefusesLookAlikesEvenWithoutTheJavaCheck() {
        String base = "dbskel" + (System.nanoTime() % 100000);
        jdbc.update("insert into member(username, email, password_hash, display_name) values (?, ?, 'x', 'A')", base, base + "@example.com");
        assertThatThrownBy(() -> jdbc.update("insert into member(username, email, password_hash, display_name) values (?, ?, 'x', 'B')",
                base.replace("db", "d.b"), "other-" + base + "@example.com"))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
    }

    @Test
    void normalisesFullWidthLettersAndRefusesReservedLookAlikes() throws Exception {
        String plain = "fw" + (System.nanoTime() % 100000);
        StringBuilder fullWidth = new StringBuilder();
        plain.chars().forEach(c -> fullWidth.append(Character.isLetter(c) ? (char) (c - 'a' + 'ａ') : (char) (c - '0' + '０')));
        mvc.perform(post("/signup").with(csrf()).param("username", fullWidth.toString()).param("email", plain + "@example.com")
                .param("password", "a sensible passphrase").param("displayName", "Full Width"))
                .andExpect(redirectedUrl("/profile/edit"));
        assertThat(accounts.findByUsername(plain)).isPresent();
        mvc.perform(post("/signup").with(csrf()).param("username", "adm1n").param("email", "adm1n@example.com")
                        .param("password", "a sensible passphrase").param("displayName", "Not Staff"))
                .andExpect(model().attributeHasFieldErrors("signupForm", "username"));
    }
}
