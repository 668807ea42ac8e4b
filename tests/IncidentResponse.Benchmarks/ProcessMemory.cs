using System.Globalization;

namespace IncidentResponse.Benchmarks;

/// <summary>
/// Resident memory figures from Linux <c>/proc</c>, for one process and for everything it started; and the clean-up
/// of a benchmark's app process folders.
/// </summary>
internal static class ProcessMemory
{
    /// <summary>Deletes a benchmark's temporary folder; one still in use is left to the OS.</summary>
    public static void DeleteQuietly(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans temp directories.
        }
    }

    /// <summary>A KiB figure (<c>VmRSS:</c>, <c>VmHWM:</c>) from <c>/proc/PID/status</c>; 0 once the process is gone.</summary>
    public static long Status(string pid, string field) => Field(pid, "status", field);

    /// <summary>A KiB figure from <c>/proc/PID/{file}</c> (<c>status</c>, or <c>smaps_rollup</c> for <c>Pss:</c>).</summary>
    private static long Field(string pid, string file, string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/{file}").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>
    /// Resident KiB of every descendant of <paramref name="root"/>: Chromium's processes (browser, renderers, GPU,
    /// utility), and the rest (Playwright's driver). With <paramref name="proportional"/>, each process's proportional
    /// set size (<c>Pss:</c>, pages shared between processes divided among them) instead of its resident set, so the
    /// sum counts memory Chromium's processes share once, not once per process. <paramref name="byKind"/>, when given,
    /// receives Chromium's figure by kind of process (its <c>--type=</c> switch: renderer, gpu-process, utility, zygote;
    /// "browser" for the one without), so a peak can be read by where it lives.
    /// </summary>
    public static (long Chromium, long Others) Descendants(int root, bool proportional = false, IDictionary<string, long>? byKind = null)
    {
        var parents = new Dictionary<int, int>();
        var names = new Dictionary<int, string>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var close = stat.LastIndexOf(')');
                names[pid] = stat[(stat.IndexOf('(') + 1)..close];
                parents[pid] = int.Parse(stat[(close + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The process ended while the list was read.
            }
        }

        long chromium = 0, others = 0;
        foreach (var (pid, _) in parents)
        {
            var ancestor = pid;
            while (ancestor > 1 && ancestor != root && parents.TryGetValue(ancestor, out var parent))
            {
                ancestor = parent;
            }

            if (ancestor != root || pid == root)
            {
                continue;
            }

            var id = pid.ToString(CultureInfo.InvariantCulture);
            var rss = proportional ? Field(id, "smaps_rollup", "Pss:") : Status(id, "VmRSS:");
            if (names[pid].Contains("chrom", StringComparison.OrdinalIgnoreCase))
            {
                chromium += rss;
                if (byKind is not null)
                {
                    var kind = KindOf(id);
                    byKind[kind] = byKind.TryGetValue(kind, out var sum) ? sum + rss : rss;
                }
            }
            else
            {
                others += rss;
            }
        }

        return (chromium, others);
    }

    /// <summary>A Chromium process's kind from its command line's <c>--type=</c> (and utility's sub-type), or "browser".</summary>
    private static string KindOf(string pid)
    {
        try
        {
            var arguments = File.ReadAllText($"/proc/{pid}/cmdline").Split(['\0', ' '], StringSplitOptions.RemoveEmptyEntries);
            var type = arguments.FirstOrDefault(a => a.StartsWith("--type=", StringComparison.Ordinal))?["--type=".Length..] ?? "browser";
            var sub = arguments.FirstOrDefault(a => a.StartsWith("--utility-sub-type=", StringComparison.Ordinal))?["--utility-sub-type=".Length..];
            return sub is null ? type : $"{type} ({sub})";
        }
        catch (IOException)
        {
            return "gone";
        }
    }
}
