using System.Net;
using System.Net.Sockets;

namespace ValueChain.Testing;

/// <summary>Free TCP ports on the loopback interface for the services the tests start.</summary>
public static class LoopbackPort
{
    /// <summary>A port nothing listens on right now.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
