using System.Net;
using System.Net.Sockets;

namespace NewsMonitor.Monitoring.Fetching;

/// <summary>Thrown when a URL resolves only to addresses NewsMonitor may not reach.</summary>
public sealed class AddressRefusedException(string message) : Exception(message);

/// <summary>
/// Decides which addresses the fetcher may connect to. Pages and feeds name URLs; without this a
/// hostile feed could point the fetcher at loopback services, the private network or the cloud
/// metadata endpoint. Checked on the resolved address at connect time, so DNS tricks and redirects
/// cannot get around it.
/// </summary>
public static class NetworkAddressPolicy
{
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> b = stackalloc byte[4];
            address.TryWriteBytes(b, out _);
            return !(b[0] == 0                                   // "this" network
                || b[0] == 10                                     // private
                || b[0] == 127                                    // loopback
                || (b[0] == 100 && (b[1] & 0xC0) == 64)           // carrier-grade NAT
                || (b[0] == 169 && b[1] == 254)                   // link-local, cloud metadata (169.254.169.254)
                || (b[0] == 172 && (b[1] & 0xF0) == 16)           // private
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)        // IETF protocol assignments
                || (b[0] == 192 && b[1] == 0 && b[2] == 2)        // documentation
                || (b[0] == 192 && b[1] == 168)                   // private
                || (b[0] == 198 && (b[1] & 0xFE) == 18)           // benchmarking
                || (b[0] == 198 && b[1] == 51 && b[2] == 100)     // documentation
                || (b[0] == 203 && b[1] == 0 && b[2] == 113)      // documentation
                || b[0] >= 224);                                  // multicast, reserved, broadcast
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (IPAddress.IPv6Loopback.Equals(address) || IPAddress.IPv6None.Equals(address)) return false;
            if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal) return false;
            Span<byte> b = stackalloc byte[16];
            address.TryWriteBytes(b, out _);
            if (b[0] == 0xfd && b[1] == 0x00 && b[2] == 0x0e && b[3] == 0xc2) return false; // AWS metadata over IPv6
            if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) return false; // documentation
            if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b)                // NAT64: judge the embedded IPv4
                return IsPublic(new IPAddress(b[12..]));
            return true;
        }
        return false;
    }
}
