package com.moviepeople.demo;

import com.moviepeople.accounts.AccountService;
import com.moviepeople.portfolio.PortfolioItemForm;
import com.moviepeople.portfolio.PortfolioService;
import com.moviepeople.profiles.ProfileForm;
import com.moviepeople.profiles.ProfileService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * Fills an empty database with a small film community so that the first start is not an empty
 * site. Runs only when {@code moviepeople.demo-data} is on (the default for the embedded
 * database) and only while there are no members, so it is idempotent and never touches real data.
 */
@Component
@org.springframework.core.annotation.Order(0) // before DemoConnectionsLoader
class DemoCommunityLoader implements ApplicationRunner {

    /** Shared by every demo member; printed in the README. */
    static final String DEMO_PASSWORD = "moviepeople-demo";

    private static final Logger log = LoggerFactory.getLogger(DemoCommunityLoader.class);

    /** One piece of work; the links are real, public Blender open movies (Creative Commons). */
    record DemoWork(String title, String description, String mediaUrl, Integer year, String creditRole) {
    }

    record DemoMember(String username, String displayName, String headline, String role, String location,
                      String bio, String website, List<DemoWork> work) {
        String email() {
            return username + "@demo.moviepeople.example";
        }
    }

    private static final String BIG_BUCK_BUNNY = "https://www.youtube.com/watch?v=aqz-KE-bpKQ";
    private static final String BIG_BUCK_BUNNY_VIMEO = "https://vimeo.com/1084537";
    private static final String SINTEL = "https://youtu.be/eRsGyueVLvQ";
    private static final String TEARS_OF_STEEL = "https://www.youtube.com/watch?v=R6MlUcmOul8";
    private static final String SPRING = "https://www.youtube.com/watch?v=WhWc3b3KhnY&t=12s";

    static final List<DemoMember> MEMBERS = List.of(
            new DemoMember("agnieszka", "Agnieszka Kowalska", "Film editor for documentaries and character-driven features",
                    "Film Editor", "Berlin, Germany",
                    "Fifteen years in the cutting room, the last eight in Berlin. I edit in Avid and Resolve, in Polish, "
                            + "German and English, and I love a difficult documentary with 200 hours of rushes.\n\n"
                            + "Looking for: feature documentaries and drama for 2027.",
                    "https://www.example.com/agnieszka-kowalska", List.of(
                    new DemoWork("Tears of Steel — re-edit", "A tighter 9-minute cut of the Blender open movie, "
                            + "restructured around Celia's memory.", TEARS_OF_STEEL, 2023, "Film Editor"),
                    new DemoWork("Big Buck Bunny — trailer cut", "Comedy trailer from the open movie's rushes.",
                            BIG_BUCK_BUNNY, 2021, "Trailer Editor"))),
            new DemoMember("julien", "Julien Lumière", "Director of intimate dramas and music videos", "Director",
                    "Paris, France",
                    "Two shorts selected at Clermont-Ferrand, one feature in development with a Lyon producer. "
                            + "I write and direct in French and English.",
                    "https://www.example.com/julien", List.of(
                    new DemoWork("Sintel", "Directing study: staging the final confrontation in the snow.", SINTEL, 2022,
                            "Director"))),
            new DemoMember("maya", "Maya Okafor", "Cinematographer — features, commercials, natural light", "Director of Photography",
                    "Lagos, Nigeria",
                    "Shooting Nollywood features and pan-African commercials on ARRI and RED. Happiest at golden hour "
                            + "with a small crew.", null, List.of(
                    new DemoWork("Spring — lighting breakdown", "How the forest light in the open movie Spring was built, "
                            + "shot by shot.", SPRING, 2020, "Director of Photography"),
                    new DemoWork("Big Buck Bunny — grade reference", "Look references for a family feature.",
                            BIG_BUCK_BUNNY_VIMEO, 2019, "Director of Photography"))),
            new DemoMember("tomas", "Tomás Herrera", "Sound designer and re-recording mixer", "Sound Designer",
                    "Mexico City, Mexico",
                    "Sound for features, series and games. Atmos mixing stage in Coyoacán; field recordings from "
                            + "all over Mexico.", "https://www.example.com/tomas-herrera-sound", List.of(
                    new DemoWork("Sintel — sound redesign", "Complete new sound design and 5.1 mix of the open movie.",
                            SINTEL, 2024, "Sound Designer"),
                    new DemoWork("Tears of Steel — Foley", "Foley and robot sound design.", TEARS_OF_STEEL, 2022,
                            "Foley Artist"))),
            new DemoMember("ingrid", "Ingrid Halvorsen", "Producer of Nordic thrillers and co-productions", "Producer",
                    "Oslo, Norway",
                    "Producer at a small Oslo company. Nordic and German co-productions, Eurimages and Creative Europe "
                            + "funding. Always looking for Norwegian-speaking crew.", null, List.of()),
            new DemoMember("kenji", "Kenji Watanabe", "VFX supervisor — creatures, crowds and compositing", "VFX Supervisor",
                    "Tokyo, Japan",
                    "Compositing and VFX supervision for anime-inspired live action. Nuke, Houdini and Blender.", null, List.of(
                    new DemoWork("Tears of Steel — VFX breakdown", "Compositing the robot attack on the Oude Kerk.",
                            TEARS_OF_STEEL, 2012, "Compositor"))),
            new DemoMember("priya", "Priya Raman", "Screenwriter — family sagas and streaming series", "Screenwriter",
                    "Mumbai, India",
                    "Writers' room veteran (two streaming series), now developing a feature about three generations of a "
                            + "cinema-owning family in Chennai.", null, List.of()),
            new DemoMember("sofia", "Sofia Marchetti", "Costume designer for period drama", "Costume Designer",
                    "Rome, Italy",
                    "Costumes for period films and opera, from 1900s Sicily to 1970s Milan. Cinecittà-based workshop.",
                    "https://www.example.com/sofia-marchetti-costumi", List.of(
                    new DemoWork("Sintel — costume concept", "Costume concepts for a live-action adaptation.", SINTEL,
                            2023, "Costume Designer"))),
            new DemoMember("david", "David Cohen", "Colorist — features and high-end commercials", "Colorist",
                    "Los Angeles, USA",
                    "Senior colorist on DaVinci Resolve. HDR and Dolby Vision deliveries; remote grading sessions "
                            + "across time zones.", null, List.of(
                    new DemoWork("Spring — HDR grade", "An HDR grade of the Blender open movie.", SPRING, 2021, "Colorist"),
                    new DemoWork("Big Buck Bunny — look development", "Three looks for the same scene.",
                            BIG_BUCK_BUNNY, 2020, "Colorist"))),
            new DemoMember("fatima", "Fatima Zahra Benali", "Production designer — desert shoots and period sets",
                    "Production Designer", "Casablanca, Morocco",
                    "Production design for international shoots in Morocco: Ouarzazate studios, desert locations, "
                            + "medinas dressed for any century.", null, List.of()),
            new DemoMember("oliver", "Oliver Brandt", "Gaffer for features and commercials", "Gaffer", "Berlin, Germany",
                    "Gaffer with my own lighting truck (LED and tungsten). Babelsberg, Berlin and anywhere in Europe.",
                    null, List.of(
                    new DemoWork("Tears of Steel — lighting study", "Recreating the film's bridge scene on a stage.",
                            TEARS_OF_STEEL, 2024, "Gaffer"))),
            new DemoMember("lucia", "Lucía Fernández", "Actor — film, theatre and voice", "Actor", "Madrid, Spain",
                    "Actor trained at RESAD, Madrid. Spanish, English and Catalan; voice work for animation.", null, List.of(
                    new DemoWork("Sintel — Spanish voice", "Voice of Sintel in a Spanish dub of the open movie.", SINTEL,
                            2024, "Voice Actor"))));

    private final AccountService accounts;
    private final ProfileService profiles;
    private final PortfolioService portfolio;
    private final Environment environment;

    DemoCommunityLoader(AccountService accounts, ProfileService profiles, PortfolioService portfolio,
                        Environment environment) {
        this.accounts = accounts;
        this.profiles = profiles;
        this.portfolio = portfolio;
        this.environment = environment;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!DemoData.enabled(environment) || accounts.count() > 0) {
            return;
        }
        for (DemoMember m : MEMBERS) {
            long id = accounts.registerVerified(m.username(), m.email(), DEMO_PASSWORD, m.displayName()).id();
            profiles.save(id, new ProfileForm(m.displayName(), m.headline(), m.role(), m.location(), m.bio(), m.website()));
            // Oldest first, so that the profile shows the newest on top.
            for (int i = m.work().size() - 1; i >= 0; i--) {
                DemoWork w = m.work().get(i);
                portfolio.add(id, new PortfolioItemForm(w.title(), w.description(), w.mediaUrl(), w.year(), w.creditRole()));
            }
        }
        // A moderator to try the reports queue with (/moderation/reports).
        accounts.grantModerator(MEMBERS.get(0).username());
        log.info("Loaded the demo community: {} members, password '{}' (e.g. log in as {})",
                MEMBERS.size(), DEMO_PASSWORD, MEMBERS.get(0).username());
    }
}
