using System.Runtime.InteropServices;

namespace NewsMonitor.Monitoring.Storage;

/// <summary>
/// Puts a finished file in place only if nothing is there yet, atomically. File.Move without overwrite
/// checks and then renames on Unix, so two writers can both succeed; link(2) fails with EEXIST instead.
/// </summary>
internal static partial class AtomicFile
{
    private const int EEXIST = 17;

    /// <summary>Makes <paramref name="source"/> visible at <paramref name="destination"/> unless it exists. The source stays.</summary>
    public static bool TryPublish(string source, string destination)
    {
        if (OperatingSystem.IsWindows())
        {
            try
            {
                File.Copy(source, destination, overwrite: false); // CopyFile with bFailIfExists is atomic
                return true;
            }
            catch (IOException) when (File.Exists(destination))
            {
                return false;
            }
        }
        if (Link(source, destination) == 0) return true;
        var error = Marshal.GetLastPInvokeError();
        if (error == EEXIST) return false;
        throw new IOException($"Could not create {destination}: link failed with errno {error}.");
    }

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Link(string source, string destination);
}
