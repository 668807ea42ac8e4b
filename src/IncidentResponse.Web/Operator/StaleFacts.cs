using System.Globalization;
using IncidentResponse.Domain;
using IncidentResponse.Domain.Safety;

namespace IncidentResponse.Web.Operator;

/// <summary>
/// <c>list-stale-facts [--older-than DAYS] [--content-dir PATH]</c>: prints file, key, last verified and source for
/// every fact in the content files that is not yet checked or was last checked more than DAYS days ago (default 180).
/// Reads the shipped files unless a folder is given. Then every translated text not yet reviewed by a fluent reader, or
/// made from an older English text (<see cref="TranslationStatus"/>; ADR 0030). Exits 0 whatever it finds: it is a to-do list, not a gate (the
/// build's content tests are the gate).
/// </summary>
public static class StaleFacts
{
    /// <summary>
    /// The translated texts still to be checked by a fluent reader (shown to people all the same, as better than
    /// English), or made from an older English text, with a count per language.
    /// </summary>
    private static void PrintTranslations()
    {
        var toDo = TranslationStatus.ToDo().ToList();
        Console.WriteLine();
        Console.WriteLine("language\tfile\tkey\ttranslation");
        foreach (var entry in toDo)
        {
            Console.WriteLine($"{entry.Language}\t{entry.File}\t{entry.Key}\t{entry.Status}");
        }

        foreach (var language in toDo.GroupBy(e => e.Language))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{language.Key}: {language.Count(e => e.Status == TranslationStatus.NotReviewed)} translated texts not yet reviewed, {language.Count(e => e.Status == TranslationStatus.OutOfDate)} made from an older English text, {language.Count(e => e.Status == TranslationStatus.Missing)} missing."));
        }
    }

    public const int DefaultDays = 180;

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        var days = DefaultDays;
        string? folder = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--older-than" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed):
                    days = parsed;
                    i++;
                    break;
                case "--content-dir" when i + 1 < args.Length && Directory.Exists(args[i + 1]):
                    folder = args[i + 1];
                    i++;
                    break;
                default:
                    await Console.Error.WriteLineAsync("usage: list-stale-facts [--older-than DAYS] [--content-dir PATH]");
                    return 2;
            }
        }

        var today = DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var files = folder is null ? ContentFacts.Embedded() : ContentFacts.FromFolder(folder);
        var total = 0;
        var stale = 0;
        Console.WriteLine("file\tkey\tlast verified\tsource");
        foreach (var (file, json) in files)
        {
            foreach (var fact in ContentFacts.Scan(file, json))
            {
                total++;
                if (!SourcedFacts.IsStale(fact, today, days))
                {
                    continue;
                }

                stale++;
                var checkedOn = SourcedFacts.CheckedOn(fact)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "not yet checked";
                var source = fact.SourceUrl.Length > 0 ? fact.SourceUrl
                    : fact.Key == ContentFacts.WholeEntry ? "(the entry has facts not read on their source: see its editorialNote)" : "(no source)";
                Console.WriteLine($"{fact.File}\t{fact.Key}\t{checkedOn}\t{source}");
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{stale} of {total} facts are not yet checked or were last checked more than {days} days ago."));
        PrintTranslations();
        return 0;
    }
}
