package com.moviepeople.config;

import java.util.List;

import com.moviepeople.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Session writes commit asynchronously; everything else keeps synchronous commit. */
class SessionStoreIntegrationTests extends IntegrationTest {

    @Autowired
    org.springframework.session.SessionRepository<?> sessionStore;

    /** The JDBC repository behind the store (which throttles its last-access writes). */
    private JdbcIndexedSessionRepository sessions() {
        assertThat(sessionStore).isInstanceOf(TouchThrottlingSessionRepository.class);
        return (JdbcIndexedSessionRepository) ReflectionTestUtils.getField(sessionStore, "delegate");
    }

    @Autowired
    @Qualifier("springSessionTransactionOperations")
    TransactionOperations sessionTransactions;

    @Autowired
    TransactionTemplate transactions;

    private String synchronousCommit() {
        return jdbc.queryForObject("show synchronous_commit", String.class);
    }

    @Test
    void sessionTransactionsCommitAsynchronouslyAndOthersDoNot() {
        assertThat(ReflectionTestUtils.getField(sessions(), "transactionOperations")).as("the session store uses them")
                .isSameAs(sessionTransactions);
        String inSession = sessionTransactions.execute(status -> synchronousCommit());
        String inApplication = transactions.execute(status -> synchronousCommit());
        assertThat(inSession).isEqualTo("off");
        assertThat(inApplication).isEqualTo("on");
        assertThat(synchronousCommit()).as("SET LOCAL ends with the transaction").isEqualTo("on");
    }

    @Test
    void aMembersSecurityContextIsDeserializedOnceAndEachReadGetsAContextOfItsOwn() {
        JdbcIndexedSessionRepository sessions = sessions();
        assertThat(ReflectionTestUtils.getField(sessions, "conversionService")).as("the store reads through the memo")
                .isInstanceOfSatisfying(org.springframework.core.convert.ConversionService.class, conversions ->
                        assertThat(conversions.canConvert(byte[].class, Object.class)).isTrue());
        var member = newMember("memo");
        var authentication = org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                member, null, member.getAuthorities());
        Session session = sessions.createSession();
        session.setAttribute("SPRING_SECURITY_CONTEXT", new org.springframework.security.core.context.SecurityContextImpl(authentication));
        session.setAttribute("probe", new java.util.ArrayList<>(List.of("a")));
        String id = saved(session);

        org.springframework.security.core.context.SecurityContext first = ((Session) sessions.findById(id)).getAttribute("SPRING_SECURITY_CONTEXT");
        org.springframework.security.core.context.SecurityContext second = ((Session) sessions.findById(id)).getAttribute("SPRING_SECURITY_CONTEXT");
        assertThat(second.getAuthentication()).as("read once, kept").isSameAs(first.getAuthentication());
        assertThat(second).as("each read its own context").isNotSameAs(first);
        assertThat(second.getAuthentication().getName()).isEqualTo(member.username());
        first.setAuthentication(null); // what logging out does to the request's context
        org.springframework.security.core.context.SecurityContext third = ((Session) sessions.findById(id)).getAttribute("SPRING_SECURITY_CONTEXT");
        assertThat(third.getAuthentication()).isSameAs(second.getAuthentication());
        // Other attributes are read as they were written, a new object each time.
        List<String> probe = ((Session) sessions.findById(id)).getAttribute("probe");
        List<String> again = ((Session) sessions.findById(id)).getAttribute("probe");
        assertThat(probe).containsExactly("a").isNotSameAs(again);
        sessions.deleteById(id);
    }

    @Test
    void twoRequestsOfOneSessionAddingTheSameAttributeBothSucceed() {
        // Two requests read the new session before either saves it, and both add the CSRF token.
        JdbcIndexedSessionRepository sessions = sessions();
        Session session = sessions.createSession();
        String id = saved(session);
        Session first = sessions.findById(id);
        Session second = sessions.findById(id);
        first.setAttribute("token", "first");
        second.setAttribute("token", "second");
        save(first);
        save(second);
        String token = ((Session) sessions.findById(id)).getAttribute("token");
        assertThat(token).isEqualTo("second");
        sessions.deleteById(id);
    }

    @Test
    void aSessionSavedThroughTheStoreIsFoundAgain() {
        JdbcIndexedSessionRepository sessions = sessions();
        Session session = sessions.createSession();
        session.setAttribute("probe", "value");
        sessions.save(sessions.findById(saved(session)));
        Session found = sessions.findById(session.getId());
        assertThat(found).isNotNull();
        String probe = found.getAttribute("probe");
        assertThat(probe).isEqualTo("value");
        sessions.deleteById(session.getId());
        assertThat(sessions.findById(session.getId())).isNull();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void save(Session session) {
        ((org.springframework.session.SessionRepository) sessions()).save(session);
    }

    private String saved(Session session) {
        save(session);
        return session.getId();
    }
}
