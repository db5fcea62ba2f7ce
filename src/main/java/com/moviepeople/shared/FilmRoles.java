package com.moviepeople.shared;

import java.util.List;

/**
 * The curated list of film-industry roles, grouped by department, that profile and portfolio
 * forms suggest (members may still type anything else). Also the source of roles for demo and
 * generated members.
 */
public final class FilmRoles {

    public record Department(String name, List<String> roles) {
    }

    public static final List<Department> DEPARTMENTS = List.of(
            new Department("Direction", List.of("Director", "First Assistant Director", "Second Assistant Director",
                    "Script Supervisor")),
            new Department("Production", List.of("Producer", "Executive Producer", "Line Producer",
                    "Production Manager", "Production Coordinator", "Location Manager", "Casting Director")),
            new Department("Writing", List.of("Screenwriter", "Story Editor", "Script Consultant")),
            new Department("Camera", List.of("Director of Photography", "Camera Operator", "First Assistant Camera",
                    "Second Assistant Camera", "Steadicam Operator", "Drone Operator", "DIT", "Still Photographer")),
            new Department("Lighting & Grip", List.of("Gaffer", "Best Boy Electric", "Electrician", "Key Grip",
                    "Dolly Grip", "Grip")),
            new Department("Editorial", List.of("Film Editor", "Assistant Editor", "Trailer Editor")),
            new Department("Sound", List.of("Production Sound Mixer", "Boom Operator", "Sound Designer",
                    "Re-recording Mixer", "Foley Artist", "Dialogue Editor")),
            new Department("Art", List.of("Production Designer", "Art Director", "Set Decorator", "Prop Master",
                    "Storyboard Artist", "Concept Artist")),
            new Department("Costume & Make-up", List.of("Costume Designer", "Wardrobe Supervisor", "Make-up Artist",
                    "Hair Stylist", "Special Effects Make-up Artist")),
            new Department("VFX & Post", List.of("Colorist", "VFX Supervisor", "Compositor", "3D Animator",
                    "Motion Graphics Designer", "Post-production Supervisor")),
            new Department("Cast", List.of("Actor", "Voice Actor", "Stunt Performer", "Stunt Coordinator", "Dancer")),
            new Department("Music", List.of("Composer", "Music Supervisor", "Music Editor")),
            new Department("Distribution & Festivals", List.of("Sales Agent", "Distributor", "Festival Programmer",
                    "Publicist")));

    /** Every role of every department, in list order. */
    public static final List<String> ALL = DEPARTMENTS.stream().flatMap(d -> d.roles().stream()).toList();

    /** The department of a role typed freely that is none of the list's. */
    public static final String OTHER_DEPARTMENT = "Other";

    /**
     * The department of {@code role} when it is one of the list's (ignoring case and surrounding
     * spaces), else {@link #OTHER_DEPARTMENT}.
     */
    public static String departmentOf(String role) {
        if (role == null) {
            return OTHER_DEPARTMENT;
        }
        String wanted = role.strip();
        for (Department department : DEPARTMENTS) {
            for (String known : department.roles()) {
                if (known.equalsIgnoreCase(wanted)) {
                    return department.name();
                }
            }
        }
        return OTHER_DEPARTMENT;
    }

    /** Department names in list order, then {@link #OTHER_DEPARTMENT}: the order of a production's credits. */
    public static int departmentOrder(String department) {
        for (int i = 0; i < DEPARTMENTS.size(); i++) {
            if (DEPARTMENTS.get(i).name().equals(department)) {
                return i;
            }
        }
        return DEPARTMENTS.size();
    }

    private FilmRoles() {
    }
}
