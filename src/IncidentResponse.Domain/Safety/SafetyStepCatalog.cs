using System.Resources;

namespace IncidentResponse.Domain.Safety;

/// <summary>
/// Every step of the guided safety plan, in plan order. Steps marked conditional appear only when the
/// <see cref="SafetyPlanBuilder"/> decides they apply. Link targets name parts of the app, not URLs.
/// </summary>
public static class SafetyStepCatalog
{
    public const string PhysicalSafety = "physical-safety";
    public const string BreatheAndReachOut = "breathe-and-reach-out";
    public const string CrisisSupport = "crisis-support";
    public const string SextortionResponse = "sextortion-response";
    public const string UnderEighteenRoutes = "under-18-routes";
    public const string ThreatAssessment = "threat-assessment";
    public const string SaveEvidence = "save-evidence";
    public const string SecureDevices = "secure-devices";
    public const string FindPosts = "find-posts";
    public const string PreservationRequest = "preservation-request";
    public const string IncidentLog = "incident-log";
    public const string EvidenceBinder = "evidence-binder";
    public const string TakedownRoute = "takedown-route";
    public const string KeepTakedownConfirmations = "keep-takedown-confirmations";
    public const string OthersAffected = "others-affected";
    public const string Support = "support";
    public const string SexualAssaultSupport = "sexual-assault-support";
    public const string PeerSupport = "peer-support";
    public const string MonitorNewPosts = "monitor-new-posts";
    public const string ManageCommunication = "manage-communication";
    public const string EmergencyProtectiveOrder = "emergency-protective-order";
    public const string RestrainingOrderAndPoliceReport = "restraining-order-and-police-report";
    public const string DigitalAbuseLawyer = "digital-abuse-lawyer";

    public const string LinkAssessment = "assessment";
    public const string LinkLog = "log";
    public const string LinkEvidence = "evidence";
    public const string LinkTakedowns = "takedowns";
    public const string LinkBinder = "binder";
    public const string LinkAllies = "allies";

    /// <summary>
    /// The words-only body of <see cref="KeepTakedownConfirmations"/>, for a case on the under-18 route: a screenshot of a
    /// form can hold the image, so the confirmation is kept in words.
    /// </summary>
    public const string KeepTakedownConfirmationsInWords =
        "Each time you send a report or takedown form, the site usually shows a confirmation or a reference number, or "
        + "sends one by email. Write it down in words: when you mark the request as sent in this app, enter their "
        + "reference or ticket number and the date, and note in your log the site, the web address you reported and what "
        + "you asked for. Keep it to words, with no picture of the form or the page, because a picture can show the image. A reference "
        + "number lets you follow up, and shows what you asked for and when.";

    public static IReadOnlyList<SafetyStep> Steps { get; } =
    [
        new(PhysicalSafety, SafetySection.Now,
            "Make sure you are physically safe",
            "If you are in danger right now, call {EmergencyNumber}. If you can, go somewhere the person does not know "
            + "about, or stay with someone you trust, and tell a friend where you are. Everything else in this plan can "
            + "wait until you are safe.",
            null, Conditional: false),
        new(BreatheAndReachOut, SafetySection.Now,
            "Pause, breathe, and reach out",
            "What is happening is not your fault, and you do not have to deal with it alone. Take a moment before you act. "
            + "When you are ready, talk to a helpline or to someone you trust. Helplines where you are: {Helplines}.",
            LinkAllies, Conditional: false),
        new(SextortionResponse, SafetySection.Now,
            "If you are being asked to pay or send more: don't pay, stop replying, keep the messages",
            "Stop replying to the person, and don't pay or send anything more: paying rarely makes it stop, and often "
            + "leads to more demands. Before you block the account or delete anything, save the conversation and a link "
            + "to the account's profile page, with any payment details they asked for. Then report the account to the "
            + "platform it contacted you on; the takedowns page lists each platform's own way to report. You can also "
            + "report it to the police or the national reporting line where you are: {ExtortionRoutes}. If you are in "
            + "danger right now, call {EmergencyNumber}.\n\n"
            + "If you still have the images on your device, StopNCII.org can help stop them being shared. It makes a "
            + "digital fingerprint (a hash) of each image on your own device: the images never leave it, and only the "
            + "fingerprint is shared. It works only on the platforms that take part, not everywhere. Threats like these "
            + "are a crime in many places, and none of this is your fault.",
            LinkEvidence, Conditional: true),
        new(UnderEighteenRoutes, SafetySection.Now,
            "Use the services for images made before someone was 18",
            "If any of the images were made when you, or anyone shown, were under 18, even years ago, there are services "
            + "made for exactly this, and they can often act faster: {UnderEighteenRoutes}. They are there to help, and "
            + "you have done nothing wrong.",
            LinkTakedowns, Conditional: true),
        new(CrisisSupport, SafetySection.Now,
            "If it all feels too much: talk to someone now",
            "What is happening can bring fear, shame, sleeplessness and sometimes thoughts of harming yourself or of not "
            + "wanting to be alive. Many people feel this, and it is not your fault. You can talk to someone kind, free "
            + "and in confidence, any time, even if you are not sure what to say: {CrisisLines}. If you might act on "
            + "those thoughts, or are in danger, call {EmergencyNumber}.",
            null, Conditional: false),
        new(ThreatAssessment, SafetySection.Now,
            "Answer the safety questions",
            "A few short questions about threats and your situation help decide which steps come first. You can stop "
            + "and come back at any time, and you can change your answers later.",
            LinkAssessment, Conditional: false),
        new(SaveEvidence, SafetySection.Now,
            "Save evidence before anything is deleted",
            "Before you report, delete or block anything, save what you can: screenshots that show the web address, the "
            + "date and the username; messages with the sender's details; and the original files, unchanged. Keep copies "
            + "somewhere the person cannot reach. If looking at it is too much, a trusted person can do this for you.",
            LinkEvidence, Conditional: false),
        new(SecureDevices, SafetySection.Then,
            "Secure your phone, computer and accounts",
            "If the person has ever had your phone, computer or passwords, they may still be able to see what you do. "
            + "Look for apps you do not recognise, including tracking or monitoring apps (sometimes called stalkerware), "
            + "and for devices or locations you do not know in each account's list of signed-in devices or sessions. Change "
            + "your passwords, starting with your email, to new ones the person could not guess, and turn on two-step "
            + "sign-in (a code as well as the password). Then sign out every other session. If the person is someone you "
            + "know, think first: they may notice a change or a removed app, and that can make things more dangerous. A "
            + "helpline can help you plan this, and you can do it from a device the person has never had. Helplines where "
            + "you are: {Helplines}.",
            null, Conditional: false),
        new(FindPosts, SafetySection.Then,
            "Find where the images have been posted",
            "First, know that uploading a picture to a search engine shares it with that company, which may keep it. "
            + "If you choose to, a reverse image search looks for copies of a picture across the web. Try more than one search engine, such "
            + "as Google Lens, Bing Visual Search, Yandex Images and TinEye, because each finds different copies. Search "
            + "for your name and usernames too. For each post, record the web address, the site, the date you found it, "
            + "the account that posted it, and a screenshot. If searching is upsetting, a trusted person can do it with "
            + "you or for you.",
            LinkLog, Conditional: false),
        new(PreservationRequest, SafetySection.Then,
            "Ask for evidence to be kept (a preservation request)",
            "If you might take legal action, evidence can disappear: sites remove posts and accounts, and keep records "
            + "only for a limited time. A lawyer, and in some places the police, can send a preservation request "
            + "(sometimes called a litigation hold letter) asking a platform to keep posts, messages and account "
            + "records. It is worth asking about early. Do not ask the person responsible to keep anything: it tells "
            + "them what you are doing.",
            LinkEvidence, Conditional: true),
        new(IncidentLog, SafetySection.Then,
            "Keep an incident log",
            "Write down each thing that happens, such as a new post, a message, a threat or a call, with the date, the "
            + "time, what happened and where. Short notes are enough. A log shows the pattern over time, which helps "
            + "helplines, lawyers and the police.",
            LinkLog, Conditional: false),
        new(EvidenceBinder, SafetySection.Then,
            "Build your evidence binder",
            "Gather your log, screenshots, messages and reports in one place, in date order, with a short summary at the "
            + "front. A tidy binder means you do not have to tell the whole story again each time you ask for help.",
            LinkBinder, Conditional: false),
        new(TakedownRoute, SafetySection.Then,
            "Choose how to ask for each post to be taken down",
            "For each post, start with the site's own report form for intimate images shared without consent: most "
            + "major sites forbid them in their terms of service. If a site will not act on its terms, a copyright "
            + "takedown notice (a DMCA notice in the US) can work. It works best when you own the copyright, which you "
            + "usually do if you took the picture yourself; if someone else took it, a lawyer or helpline can explain "
            + "whether you can have the copyright transferred to you or registered first. Keep your own contact details "
            + "off a request where you can, because some sites share notices with the person who posted. Keep a copy of "
            + "every request and every reply. If a site refuses or does not answer, you can go to the company that hosts "
            + "the site, ask search engines to remove the results, or use: {ReportingRoutes}."
            + "\n\n{TakedownLaw}",
            LinkTakedowns, Conditional: false),
        new(KeepTakedownConfirmations, SafetySection.Then,
            "Keep a copy of every takedown form you send",
            "Each time you send a report or takedown form, the site usually shows a confirmation or a reference number, or "
            + "sends one by email. Keep it: save the confirmation page or email, or take a screenshot of it, and add it to "
            + "your evidence. When you mark the request as sent in this app, enter their reference or ticket number and the "
            + "date. It is your evidence of what you asked for and when, and lets you follow up if nothing happens.",
            LinkTakedowns, Conditional: false),
        new(OthersAffected, SafetySection.Then,
            "Think about who else is affected, and whether to tell them",
            "Other people may be shown in the images, or may be contacted by the person: a partner, family, friends or "
            + "an employer. You decide whether, when and how to tell anyone. It can help to plan what you will say, to "
            + "tell one trusted person first, or to ask a helpline to help you prepare.",
            LinkAllies, Conditional: false),
        new(Support, SafetySection.Consider,
            "Get legal, police and emotional support",
            "You do not have to decide everything now. A lawyer can explain your options; the police can take a report "
            + "(where you are: {PoliceReportName}); and a counsellor or support service can help with the stress and "
            + "fear that often come with this. Helplines where you are: {Helplines}.",
            LinkAllies, Conditional: false),
        new(SexualAssaultSupport, SafetySection.Consider,
            "Support after sexual assault",
            "If any of the images were made while you could not agree, for example while you were asleep, drunk, drugged "
            + "or being forced, that is sexual abuse, and it is not your fault. Services for people who have been sexually "
            + "assaulted can listen, help you think about what to do, and tell you about medical help and reporting, "
            + "however long ago it happened. You decide what happens next. Where you are: {SexualAssaultSupport}.",
            LinkAllies, Conditional: true),
        new(PeerSupport, SafetySection.Consider,
            "Talk with others who have been through this",
            "Many people find it helps to hear from others who have lived through image abuse: it can make you feel less "
            + "alone and give you ideas for coping. A helpline can tell you about support groups, online or near you. "
            + "Share only what you are comfortable with, and in an open online group, think before you post details "
            + "that could identify you. Helplines where you are: {Helplines}.",
            LinkAllies, Conditional: false),
        new(MonitorNewPosts, SafetySection.Consider,
            "Keep watch for new posts, or ask someone to",
            "Set up search alerts for your name and usernames, and repeat reverse image searches now and then. If that "
            + "is hard for you, a trusted person can search for you and tell you only what you need to know.",
            LinkAllies, Conditional: false),
        new(ManageCommunication, SafetySection.Consider,
            "Take control of contact from the person",
            "You do not have to read or answer what the person sends. An ally can check messages for you; email filters "
            + "can move their messages into a folder; and you can block them on social media and on your phone. Save "
            + "messages before you block, in case you need them as evidence.",
            LinkAllies, Conditional: false),
        new(EmergencyProtectiveOrder, SafetySection.Consider,
            "If you have been threatened: ask about urgent protection",
            "If the person has threatened you, you may be able to get urgent protection from a court or the police, "
            + "sometimes within a day. Where you are, ask about: {ProtectiveOrderName}. The police, a helpline or a "
            + "domestic abuse service can help you apply.",
            null, Conditional: true),
        new(RestrainingOrderAndPoliceReport, SafetySection.Consider,
            "Because you know who it is: a longer-term order and a police report",
            "You can ask a court for longer-term protection (where you are: {RestrainingOrderName}) and report what is "
            + "happening to the police (where you are: {PoliceReportName}). Keep a copy of every report and order you "
            + "make or receive, and note every reference number.",
            LinkBinder, Conditional: true),
        new(DigitalAbuseLawyer, SafetySection.Consider,
            "When you don't know who it is: a lawyer who works on online abuse",
            "Everything above still helps when you do not know who is behind this. A lawyer (an attorney) who works on "
            + "online abuse can sometimes find out who runs an account, for example by asking a court to order a "
            + "platform to reveal it, and can advise on takedowns and other options. A helpline can suggest where to "
            + "find one: {Helplines}.",
            null, Conditional: true),
    ];

    private static readonly ResourceManager Resources = new(typeof(SafetyStepCatalog));

    private static readonly Dictionary<string, SafetyStep> ByKey = Steps.ToDictionary(s => s.Key, StringComparer.Ordinal);

    public static SafetyStep Get(string key) =>
        ByKey.TryGetValue(key, out var step) ? step : throw new KeyNotFoundException($"No safety step has the key {key}.");

    /// <summary>A step's title as the person reads it, in the request's language (placeholders left for <see cref="SafetyText.Resolve"/>).</summary>
    public static string TitleShown(string key) => Localized.Format(Resources, key + ".Title");

    /// <summary>A step's body as the person reads it, in the request's language (placeholders left for <see cref="SafetyText.Resolve"/>).</summary>
    public static string BodyShown(string key) => Localized.Format(Resources, key + ".Body");
}
