package com.moviepeople.search;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps {@code search_role_department} (V44) equal to {@code search/trades.tsv}: every name of every
 * role with its department, for the department facet and filter, and the members' departments with
 * it (a trigger sets them as roles are written). Runs once at start-up, before the
 * server takes requests; idempotent, so several instances starting together agree. A name on two
 * lines of different departments keeps the first.
 */
@Component
class TradeTermsSync implements SmartInitializingSingleton {

    private final TradeThesaurus thesaurus;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    TradeTermsSync(TradeThesaurus thesaurus, JdbcClient jdbc, TransactionTemplate transactions) {
        this.thesaurus = thesaurus;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> terms = new ArrayList<>();
        List<String> departments = new ArrayList<>();
        for (TradeThesaurus.Entry entry : thesaurus.entries()) {
            for (String term : entry.terms()) {
                terms.add(term);
                departments.add(entry.department());
            }
        }
        transactions.executeWithoutResult(status -> {
            // One writer at a time across instances; the others find it done.
            jdbc.sql("lock table search_role_department in share row exclusive mode").update();
            int changed = jdbc.sql("""
                            delete from search_role_department
                            where role_key <> all(select mp_search_words(t) from unnest(cast(:terms as text[])) as t)""")
                    .param("terms", terms.toArray(String[]::new)).update();
            changed += jdbc.sql("""
                            insert into search_role_department (role_key, department)
                            select distinct on (key) key, d
                            from (select mp_search_words(t) as key, d, n
                                  from unnest(cast(:terms as text[]), cast(:departments as text[])) with ordinality as x(t, d, n)) k
                            where key <> ''
                            order by key, n
                            on conflict (role_key) do update set department = excluded.department
                            where search_role_department.department is distinct from excluded.department""")
                    .param("terms", terms.toArray(String[]::new))
                    .param("departments", departments.toArray(String[]::new))
                    .update();
            if (changed == 0) {
                return; // the file is what the table holds: so are the members' departments
            }
            // The members whose department the file's change moved (all of them the first time).
            jdbc.sql("""
                            update search_person p set department = d.department
                            from (select p2.member_id, (select r.department from search_role_department r
                                                        where r.role_key = btrim(p2.role_words)) as department
                                  from search_person p2) d
                            where d.member_id = p.member_id and p.department is distinct from d.department""")
                    .update();
        });
    }
}
