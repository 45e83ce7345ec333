using System.Collections.Frozen;

namespace MicroMove.Domain.Catalogue;

/// <summary>
/// The article, as data: its movements, sources of fatigue, principles, workday
/// routines and common mistakes. Text follows the article; where the article
/// contradicts itself, the comment says which reading was taken.
/// </summary>
public static class MovementCatalogue
{
    public static IReadOnlyList<Movement> Movements { get; } =
    [
        new(
            MovementId.ScapularRetractionPulses,
            "Scapular retraction pulses",
            BodyRegion.UpperBody,
            [
                "Sit tall, arms relaxed at your sides.",
                "Gently squeeze your shoulder blades together.",
                "Hold 2 seconds, then release.",
            ],
            new RepRange(8, 10, "pulses"),
            [Phase.Open("Squeeze the shoulder blades together"), Phase.Hold("Hold the squeeze", 2), Phase.Close("Release")],
            ["Mid-trapezius", "Rhomboids", "Posterior deltoids"],
            "Counteracts forward-rounded shoulders and re-engages the upper back.",
            [FatigueSourceId.StaticLoading, FatigueSourceId.ForwardHeadPosture, FatigueSourceId.ThoracicRigidity]),
        new(
            MovementId.NeckFlexionExtensionWaves,
            "Neck flexion-extension waves",
            BodyRegion.UpperBody,
            [
                "Keep your chin tucked slightly.",
                "Slowly lower your chin toward your chest (flexion) for 2 seconds.",
                "Lift your head back to neutral (extension) for 2 seconds.",
            ],
            new RepRange(5, 6, "cycles"),
            [Phase.Close("Lower the chin toward the chest"), Phase.Open("Lift the head back to neutral")],
            ["Suboccipital muscles", "Cervical extensors"],
            "Relieves tension from prolonged forward head posture.",
            [FatigueSourceId.ForwardHeadPosture]),
        new(
            MovementId.ArmWindmills,
            "Arm wind-mills",
            BodyRegion.UpperBody,
            [
                "Extend your arms out to the sides at shoulder height.",
                "Rotate your palms upward.",
                "Sweep your arms forward and down in a circle, returning to the start.",
                "Then circle the other way.",
            ],
            new RepRange(5, 5, "circles", Sidedness.PerDirection),
            [Phase.Open("Sweep the arms up and open"), Phase.Close("Sweep forward and down")],
            ["Deltoids", "Rotator cuff", "Upper trapezius"],
            "Improves shoulder joint lubrication and breaks static loading.",
            [FatigueSourceId.StaticLoading]),
        new(
            MovementId.AnklePumps,
            "Ankle pumps",
            BodyRegion.LowerBody,
            [
                "Feet flat on the floor.",
                "Lift your toes while keeping your heels down (dorsiflexion).",
                // The article says "press heels down while lifting toes" for plantarflexion,
                // which repeats the first half; plantarflexion is toes down, heels up.
                "Then press the balls of your feet down and lift your heels (plantarflexion).",
            ],
            new RepRange(10, 12, "pumps"),
            [Phase.Open("Lift the toes (dorsiflexion)"), Phase.Close("Lift the heels (plantarflexion)")],
            ["Gastrocnemius", "Soleus", "Tibialis anterior"],
            "Promotes venous return from the lower legs, reducing swelling.",
            [FatigueSourceId.ReducedCirculation]),
        new(
            MovementId.SeatedHipFlexorTwists,
            "Seated hip flexor twists",
            BodyRegion.LowerBody,
            [
                "Sit upright and place your right hand on your right thigh.",
                "Gently rotate your torso to the right, feeling a stretch in the left hip flexor.",
                "Hold 2 seconds, return to centre.",
                "Repeat on the other side.",
            ],
            new RepRange(4, 5, "twists", Sidedness.PerSide),
            [Phase.Open("Rotate the torso"), Phase.Hold("Hold the twist", 2), Phase.Close("Return to centre")],
            ["Iliopsoas", "Rectus femoris"],
            "Offsets the shortening of hip flexors that occurs from prolonged sitting.",
            [FatigueSourceId.HipFlexorShortening, FatigueSourceId.StaticLoading]),
        new(
            MovementId.KneeExtensionsWithIsometricHold,
            "Knee extensions with isometric hold",
            BodyRegion.LowerBody,
            [
                "Extend one leg straight, keeping the foot flexed.",
                "Hold the extension for 3 seconds.",
                "Lower slowly, then switch legs.",
            ],
            new RepRange(6, 8, "extensions", Sidedness.PerLeg),
            [Phase.Open("Extend the leg"), Phase.Hold("Hold the extension", 3), Phase.Close("Lower slowly")],
            ["Quadriceps (especially the vastus medialis)"],
            "Reactivates the quadriceps, supporting knee stability and encouraging a slight forward shift of the pelvis.",
            [FatigueSourceId.ReducedCirculation]),
        new(
            MovementId.SeatedCatCow,
            "Seated cat-cow",
            BodyRegion.Spine,
            [
                "Place your hands on your knees.",
                "Inhale, arch your back (cow) by lifting your chest and tailbone.",
                "Exhale, round your spine (cat) by tucking your chin and pulling your belly button toward your spine.",
            ],
            new RepRange(5, 6, "cycles"),
            [Phase.Open("Arch the back (cow)"), Phase.Close("Round the spine (cat)")],
            ["Thoracic and lumbar vertebrae", "Intervertebral discs"],
            "Maintains spinal flexibility and counters the \"C-shaped\" slump.",
            [FatigueSourceId.ThoracicRigidity, FatigueSourceId.StaticLoading]),
        new(
            MovementId.LateralFlexionSlides,
            "Lateral flexion slides",
            BodyRegion.Spine,
            [
                "Sit tall and raise your right arm overhead.",
                "Gently lean to the left, feeling a stretch along the right side of your torso.",
                "Hold 2 seconds, return to centre, then repeat on the opposite side.",
            ],
            new RepRange(4, 5, "slides", Sidedness.PerSide),
            [Phase.Open("Lean to the side"), Phase.Hold("Hold the stretch", 2), Phase.Close("Return to centre")],
            ["Quadratus lumborum", "Obliques"],
            "Relieves lateral tension that builds from asymmetrical desk work.",
            [FatigueSourceId.StaticLoading, FatigueSourceId.ThoracicRigidity]),
    ];

    public static IReadOnlyList<FatigueSource> FatigueSources { get; } =
    [
        Source(FatigueSourceId.StaticLoading, "Static loading",
            ["Dull ache in lower back", "Dull ache in shoulders"],
            ["Erector spinae", "Trapezius", "Gluteus maximus"]),
        Source(FatigueSourceId.ReducedCirculation, "Reduced circulation",
            ["Numbness or tingling in legs or feet"],
            ["Calf muscles", "Deep veins"]),
        Source(FatigueSourceId.ForwardHeadPosture, "Forward head posture",
            ["Tension in neck", "Headaches"],
            ["Suboccipital muscles", "Sternocleidomastoid"]),
        Source(FatigueSourceId.HipFlexorShortening, "Hip flexor shortening",
            ["Tightness in front of hips", "Lower back strain"],
            ["Iliopsoas", "Rectus femoris"]),
        Source(FatigueSourceId.ThoracicRigidity, "Thoracic rigidity",
            ["Limited chest expansion", "Shallow breathing"],
            ["Thoracic extensors", "Intercostals"]),
    ];

    public static IReadOnlyList<Principle> Principles { get; } =
    [
        new(PrincipleId.Specificity, "Specificity",
            "Choose movements that isolate the fatigued region: a shoulder roll won't ease calf tightness."),
        new(PrincipleId.RepetitionWithVariation, "Repetition with variation",
            "Do each micro-movement 5–10 times, then switch to a complementary one so no single muscle is over-worked."),
        new(PrincipleId.ControlledTempo, "Controlled tempo",
            "Move slowly, about 2 seconds a phase, to feel the movement and activate the muscle."),
        new(PrincipleId.NeutralBaseline, "Neutral baseline",
            "Start each set from a neutral seat: feet flat, knees at about 90°, spine upright, shoulders relaxed."),
        new(PrincipleId.BreathIntegration, "Breath integration",
            "Pair the movement with a natural breath: inhale as you open or lengthen, exhale as you release."),
    ];

    public static IReadOnlyList<Mistake> Mistakes { get; } =
    [
        new(MistakeId.RushingTheMotion, "Rushing the motion",
            "It reduces muscle activation and proprioceptive feedback",
            "Slow down; aim for a 2-second count per phase", PrincipleId.ControlledTempo),
        new(MistakeId.HoldingBreath, "Holding your breath",
            "It increases tension and limits oxygen flow",
            "Pair each phase with a natural breath", PrincipleId.BreathIntegration),
        new(MistakeId.SlouchedBase, "Starting from a slouch",
            "It reinforces poor posture rather than correcting it",
            "Reset to a neutral spine before each set", PrincipleId.NeutralBaseline),
        new(MistakeId.OverRepeatingOneMovement, "Over-repeating one movement",
            "It can lead to localised fatigue or strain",
            "Rotate through the full menu of micro-movements", PrincipleId.RepetitionWithVariation),
        new(MistakeId.NeglectingLowerBody, "Neglecting the lower body",
            "It leaves the legs and hips static, increasing circulation issues",
            "Include at least one leg-focused micro-movement per hour", PrincipleId.Specificity),
    ];

    public static IReadOnlyList<Routine> Routines { get; } =
    [
        new(RoutineKind.StartOfDay, "Start of day", "Full set of upper-body pulses + ankle pumps", TimeSpan.FromMinutes(1),
        [
            new(BodyRegion.UpperBody, MovementId.ScapularRetractionPulses),
            new(BodyRegion.UpperBody, MovementId.NeckFlexionExtensionWaves),
            new(BodyRegion.UpperBody, MovementId.ArmWindmills),
            new(BodyRegion.LowerBody, MovementId.AnklePumps),
        ]),
        new(RoutineKind.Every30Minutes, "Every 30 minutes", "One of the lower-body twists + seated cat-cow", TimeSpan.FromSeconds(30),
        [
            new(BodyRegion.LowerBody),
            new(BodyRegion.Spine, MovementId.SeatedCatCow),
        ]),
        new(RoutineKind.PreMeeting, "Pre-meeting", "Neck waves + lateral flexion slides", TimeSpan.FromSeconds(45),
        [
            new(BodyRegion.UpperBody, MovementId.NeckFlexionExtensionWaves),
            new(BodyRegion.Spine, MovementId.LateralFlexionSlides),
        ]),
        new(RoutineKind.AfterLunch, "After lunch", "Hip flexor twists + arm wind-mills", TimeSpan.FromMinutes(1),
        [
            new(BodyRegion.LowerBody, MovementId.SeatedHipFlexorTwists),
            new(BodyRegion.UpperBody, MovementId.ArmWindmills),
        ]),
        new(RoutineKind.EndOfDay, "End of day", "Full body micro-movement circuit (all categories)", TimeSpan.FromMinutes(2),
        [
            new(BodyRegion.UpperBody),
            new(BodyRegion.LowerBody),
            new(BodyRegion.Spine),
        ]),
    ];

    // Declared after the lists they index (static initialisers run in order). Looked up for every
    // movement of every planned set and every log entry, so a dictionary rather than a scan.
    private static readonly FrozenDictionary<MovementId, Movement> MovementsById = Movements.ToFrozenDictionary(m => m.Id);
    private static readonly FrozenDictionary<RoutineKind, Routine> RoutinesByKind = Routines.ToFrozenDictionary(r => r.Kind);

    public static Movement Get(MovementId id) =>
        MovementsById.TryGetValue(id, out var movement) ? movement : throw new InvalidOperationException($"Unknown movement {id}.");

    public static Routine Get(RoutineKind kind) =>
        RoutinesByKind.TryGetValue(kind, out var routine) ? routine : throw new InvalidOperationException($"Unknown routine {kind}.");

    public static Principle Get(PrincipleId id) => Principles.First(p => p.Id == id);

    public static IReadOnlyList<Movement> InRegion(BodyRegion region) => [.. Movements.Where(m => m.Region == region)];

    private static FatigueSource Source(FatigueSourceId id, string name, IReadOnlyList<string> symptoms, IReadOnlyList<string> structures) =>
        new(id, name, symptoms, structures, [.. Movements.Where(m => m.Addresses.Contains(id)).Select(m => m.Id)]);
}
