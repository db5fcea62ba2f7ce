package com.moviepeople.demo;

import com.moviepeople.accounts.MemberDirectory;
import com.moviepeople.accounts.MemberSummary;
import com.moviepeople.portfolio.PortfolioItemView;
import com.moviepeople.portfolio.PortfolioService;
import com.moviepeople.profiles.ProfileService;
import com.moviepeople.profiles.ProfileView;
import com.moviepeople.shared.KeysetCursor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Gives the demo community pictures: profile photos for a few members and stills on two pieces of
 * work, so that avatars, the profile's photo and the gallery with its lightbox have something real
 * to show. The files are openly licensed photographs in {@code demo/pictures/} (sources, authors
 * and licences in its ATTRIBUTION.md), stored through the same APIs as any upload, so they are
 * checked, re-encoded and served from {@code /media/…} like members' own pictures.
 * <p>
 * Runs after the other demo loaders, under the same switch, and only while none of these members
 * has a photo and none of these items has a still: a restart, or members who changed their
 * pictures since, get nothing new.
 */
@Component
@Order(40)
class DemoPicturesLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPicturesLoader.class);

    static final String FOLDER = "demo/pictures/";

    /** A member's profile photo: a file in {@link #FOLDER}. */
    record DemoPhoto(String member, String file) {
    }

    /** Stills for one of a member's items, found by its title (DemoCommunityLoader's), in this order. */
    record DemoStills(String member, String itemTitle, List<String> files) {
    }

    static final List<DemoPhoto> PHOTOS = List.of(
            new DemoPhoto("maya", "photo-camera-operator.jpg"),
            new DemoPhoto("oliver", "photo-lamps.jpg"),
            new DemoPhoto("agnieszka", "photo-espresso.jpg"),
            new DemoPhoto("tomas", "photo-djembe.jpg"),
            new DemoPhoto("fatima", "photo-brushes.jpg"));

    static final List<DemoStills> STILLS = List.of(
            new DemoStills("maya", "Spring — lighting breakdown",
                    List.of("still-forest-stream.jpg", "still-backlit-meadow.jpg", "still-golden-hour.jpg")),
            new DemoStills("oliver", "Tears of Steel — lighting study", List.of("still-bridge-cables.jpg")));

    private final ProfileService profiles;
    private final PortfolioService portfolio;
    private final MemberDirectory members;
    private final Environment environment;

    DemoPicturesLoader(ProfileService profiles, PortfolioService portfolio, MemberDirectory members, Environment environment) {
        this.profiles = profiles;
        this.portfolio = portfolio;
        this.members = members;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!DemoData.enabled(environment) || members.findByUsername("maya").isEmpty() || alreadyHasPictures()) {
            return;
        }
        int photos = 0;
        for (DemoPhoto p : PHOTOS) {
            Optional<MemberSummary> member = members.findByUsername(p.member());
            if (member.isPresent() && store(p.file(), () -> profiles.setPhoto(member.get().id(), picture(p.file())))) {
                photos++;
            }
        }
        int stills = 0;
        for (DemoStills s : STILLS) {
            Optional<MemberSummary> member = members.findByUsername(s.member());
            Optional<PortfolioItemView> item = member.flatMap(m -> item(m.id(), s.itemTitle()));
            if (item.isEmpty()) {
                continue;
            }
            for (String file : s.files()) {
                if (store(file, () -> portfolio.addStill(member.get().id(), item.get().id(), picture(file)))) {
                    stills++;
                }
            }
        }
        log.info("Demo pictures loaded: {} profile photos, {} stills", photos, stills);
    }

    /** Any of the demo's photos or stills there already (an earlier start, or the members' own). */
    private boolean alreadyHasPictures() {
        for (DemoPhoto p : PHOTOS) {
            Optional<String> photo = profiles.findByUsername(p.member()).map(ProfileView::photoId);
            if (photo.isPresent()) {
                return true;
            }
        }
        for (DemoStills s : STILLS) {
            Optional<PortfolioItemView> item = members.findByUsername(s.member()).flatMap(m -> item(m.id(), s.itemTitle()));
            if (item.isPresent() && !item.get().stills().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private Optional<PortfolioItemView> item(long ownerId, String title) {
        return portfolio.itemsOf(ownerId, KeysetCursor.START, PortfolioService.MAX_ITEMS).items().stream()
                .filter(i -> title.equals(i.title())).findFirst();
    }

    private static ClassPathResource picture(String file) {
        return new ClassPathResource(FOLDER + file);
    }

    /** A picture that cannot be stored (storage unreachable, say) is left out: the demo still starts. */
    private static boolean store(String file, Runnable store) {
        try {
            store.run();
            return true;
        } catch (RuntimeException e) {
            log.warn("Demo picture {} not loaded: {}", file, e.getMessage());
            return false;
        }
    }
}
