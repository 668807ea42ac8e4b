using System.Runtime.InteropServices;

namespace IncidentResponse.Web.Security;

/// <summary>
/// No core dumps on Linux: a dump of the app would hold decrypted evidence, case keys and the master key. At start-up
/// the process marks itself not dumpable (<c>prctl(PR_SET_DUMPABLE, 0)</c>, which also keeps other processes of the same
/// user from reading its memory through /proc) and sets its core size limit to zero, soft and hard; the renderers it
/// starts inherit the zero limit, so they leave no dumps either.
/// </summary>
public static class CoreDumps
{
    private const int PrSetDumpable = 4;
    private const int RlimitCore = 4;

    /// <summary>True when both took effect (always false off Linux).</summary>
    public static bool TurnOff()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        var limit = new ResourceLimit { Current = 0, Maximum = 0 };
        var limited = NativeMethods.setrlimit(RlimitCore, ref limit) == 0;
        var undumpable = NativeMethods.prctl(PrSetDumpable, 0, 0, 0, 0) == 0;
        return limited && undumpable;
    }

    /// <summary>The current core size limit (soft), for tests and the start-up log.</summary>
    public static ulong CoreLimit()
    {
        var limit = default(ResourceLimit);
        return OperatingSystem.IsLinux() && NativeMethods.getrlimit(RlimitCore, ref limit) == 0 ? limit.Current : ulong.MaxValue;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct ResourceLimit
    {
        public ulong Current;
        public ulong Maximum;
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "prctl", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int prctl(int option, ulong arg2, ulong arg3, ulong arg4, ulong arg5);

        [DllImport("libc", EntryPoint = "setrlimit", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int setrlimit(int resource, ref ResourceLimit limit);

        [DllImport("libc", EntryPoint = "getrlimit", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int getrlimit(int resource, ref ResourceLimit limit);
    }
}
