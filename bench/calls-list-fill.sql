-- Crew calls and applications for a community generated before crew calls existed (migrate it to V38+
-- first by starting the app on it): the same SQL as SyntheticCommunityGenerator.insertCalls(members) and
-- insertApplications(), with FilmRoles.ALL and the generator's CITIES as literals. Refuses nothing: run it
-- once, on a database with no crew calls yet.
--
--   psql -h HOST -p PORT -U USER -d DB -v members=100000 -f bench/calls-list-fill.sql
\set ON_ERROR_STOP on
\timing on
insert into crew_call (poster_id, title, role, location, remote, start_date, end_date, pay_rate, pay_unit,
                       currency, unpaid, deadline, description, status, created_at, closed_at)
select poster, role || ' for ' || (array['a feature', 'a short', 'a commercial', 'a music video', 'a series', 'a documentary'])[1 + k % 6],
       role, case when remote then null else city end, remote,
       start_date, start_date + len, case when unpaid then null else rate end,
       case when unpaid then null else unit end, case when unpaid then null else currency end, unpaid,
       least(start_date - 3, start_date + len), 'Generated call ' || k || ': ' || role || ', ' || len + 1 || ' days.',
       status, created_at, case when status = 'OPEN' then null else created_at + interval '7 days' end
from (
    select k, 1 + (hashint8extended(k, 21) & 2147483647) % :members as poster,
           (r.roles)[1 + (hashint8extended(k, 22) & 2147483647) % cardinality(r.roles)] as role,
           (r.cities)[1 + (hashint8extended(k, 23) & 2147483647) % cardinality(r.cities)] as city,
           (hashint8extended(k, 24) & 2147483647) % 10 = 0 as remote,
           current_date + 10 + ((hashint8extended(k, 25) & 2147483647) % 355)::int as start_date,
           ((hashint8extended(k, 26) & 2147483647) % 30)::int as len,
           (hashint8extended(k, 27) & 2147483647) % 10 < 2 as unpaid,
           (150 + (hashint8extended(k, 28) & 2147483647) % 650)::numeric as rate,
           (array['day', 'day', 'day', 'week', 'hour', 'flat'])[1 + (hashint8extended(k, 29) & 2147483647) % 6] as unit,
           (array['EUR', 'EUR', 'GBP', 'USD'])[1 + (hashint8extended(k, 30) & 2147483647) % 4] as currency,
           case when (hashint8extended(k, 31) & 2147483647) % 100 < 85 then 'OPEN'
                when (hashint8extended(k, 31) & 2147483647) % 100 < 95 then 'FILLED' else 'CANCELLED' end as status,
           now() - ((hashint8extended(k, 32) & 2147483647) % (90 * 24 * 60)) * interval '1 minute' as created_at
    from generate_series(1, greatest(1, :members / 20)) k,
         (select array['Director', 'First Assistant Director', 'Second Assistant Director', 'Script Supervisor',
                       'Producer', 'Executive Producer', 'Line Producer', 'Production Manager', 'Production Coordinator',
                       'Location Manager', 'Casting Director', 'Screenwriter', 'Story Editor', 'Script Consultant',
                       'Director of Photography', 'Camera Operator', 'First Assistant Camera', 'Second Assistant Camera',
                       'Steadicam Operator', 'Drone Operator', 'DIT', 'Still Photographer', 'Gaffer', 'Best Boy Electric',
                       'Electrician', 'Key Grip', 'Dolly Grip', 'Grip', 'Film Editor', 'Assistant Editor', 'Trailer Editor',
                       'Production Sound Mixer', 'Boom Operator', 'Sound Designer', 'Re-recording Mixer', 'Foley Artist',
                       'Dialogue Editor', 'Production Designer', 'Art Director', 'Set Decorator', 'Prop Master',
                       'Storyboard Artist', 'Concept Artist', 'Costume Designer', 'Wardrobe Supervisor', 'Make-up Artist',
                       'Hair Stylist', 'Special Effects Make-up Artist', 'Colorist', 'VFX Supervisor', 'Compositor',
                       '3D Animator', 'Motion Graphics Designer', 'Post-production Supervisor', 'Actor', 'Voice Actor',
                       'Stunt Performer', 'Stunt Coordinator', 'Dancer', 'Composer', 'Music Supervisor', 'Music Editor',
                       'Sales Agent', 'Distributor', 'Festival Programmer', 'Publicist'] as roles,
                 -- The generator takes CITIES.keySet() of a Map.ofEntries, whose order differs from JVM to JVM:
                 -- which call gets which city is not reproducible there; here it is this order.
                 array['Los Angeles, USA', 'London, UK', 'Berlin, Germany', 'Paris, France', 'Mumbai, India',
                       'New York, USA', 'Toronto, Canada', 'Vancouver, Canada', 'Madrid, Spain', 'Rome, Italy',
                       'Lisbon, Portugal', 'Seoul, South Korea', 'Tokyo, Japan', 'Lagos, Nigeria', 'Mexico City, Mexico',
                       'Budapest, Hungary', 'Prague, Czechia', 'Sydney, Australia', 'Cape Town, South Africa',
                       'Copenhagen, Denmark', 'Kraków, Poland', 'São Paulo, Brazil', 'Buenos Aires, Argentina',
                       'Istanbul, Türkiye'] as cities) r
) c
where exists (select 1 from member where id = poster);

insert into call_application (call_id, applicant_id, note, status, created_at, updated_at)
select c.id, a.applicant, 'Generated application',
       case when (hashint8extended(c.id * 64 + a.n, 42) & 2147483647) % 10 < 2 then 'SHORTLISTED'
            when (hashint8extended(c.id * 64 + a.n, 42) & 2147483647) % 10 < 4 then 'DECLINED' else 'APPLIED' end,
       c.created_at + a.n * interval '1 hour', c.created_at + a.n * interval '1 hour'
from crew_call c
cross join lateral (
    select distinct on (applicant) n, applicant
    from (select n, 1 + (hashint8extended(c.id * 64 + n, 41) & 2147483647) % (select max(id) from member) as applicant
          from generate_series(1, ((hashint8extended(c.id, 40) & 2147483647) % 31)::int) n) s
    where applicant <> c.poster_id
    order by applicant, n
) a
where exists (select 1 from member where id = a.applicant)
on conflict do nothing;
