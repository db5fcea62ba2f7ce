package com.moviepeople.accounts;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface MemberRepository extends JpaRepository<Member, Long> {

    // citext columns compare case-insensitively only against citext: a parameter bound as
    // varchar would make the comparison case-sensitive, hence the explicit casts.
    @Query(value = "select * from member where username = cast(:login as citext) or email = cast(:login as citext)",
            nativeQuery = true)
    Optional<Member> findByLogin(@Param("login") String usernameOrEmail);

    @Query(value = "select * from member where username = cast(:username as citext)", nativeQuery = true)
    Optional<Member> findByUsernameIgnoringCase(@Param("username") String username);

    @Query(value = "select exists(select 1 from member where username = cast(:username as citext))", nativeQuery = true)
    boolean usernameTaken(@Param("username") String username);

    @Query(value = "select exists(select 1 from member where username_skeleton = mp_username_skeleton(:username))", nativeQuery = true)
    boolean lookAlikeTaken(@Param("username") String username);

    @Query(value = "select exists(select 1 from member where email = cast(:email as citext))", nativeQuery = true)
    boolean emailTaken(@Param("email") String email);

    List<Member> findByIdIn(Collection<Long> ids);
}
