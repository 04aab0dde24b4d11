using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ValueChain.Conformance.Ledger;
using Type = Protos.ChaincodeMessage.Types.Type;

namespace ValueChain.Ledger.Fabric.Tests.Shim;

public sealed class ChaincodeServerTlsTests
{
    private static X509Certificate2 ServerCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=chaincode.example.com", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using X509Certificate2 created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Through PKCS#12 so that the key is usable by the TLS stack on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }

    [Fact]
    public async Task With_a_certificate_the_server_speaks_tls_to_a_peer_that_trusts_its_root()
    {
        using X509Certificate2 certificate = ServerCertificate();
        var options = new FabricChaincodeServerOptions { ChaincodeId = "cc_1:00", Listen = new IPEndPoint(IPAddress.Loopback, 0), TlsCertificate = certificate }.Serve(new ConformanceChaincode());
        await using FabricChaincodeServer server = await FabricChaincodeServer.StartAsync(options);
        await using ScriptedPeer peer = await ScriptedPeer.ConnectAsync(server.Address, tlsRoot: X509CertificateLoader.LoadCertificate(certificate.RawData));

        Protos.ChaincodeMessage completed = await peer.InvokeAsync(GoldenFiles.ClientIdentity(), GoldenFiles.ClientSigner(), "conformance", "put", """{"key":"t","value":"tls"}""");

        Assert.Equal("cc_1:00", peer.RegisteredAs);
        Assert.Equal(Type.Completed, completed.Type);
        Assert.Equal("tls"u8.ToArray(), peer.State["t"]);
    }

    [Fact]
    public async Task A_plain_connection_to_a_tls_server_fails()
    {
        using X509Certificate2 certificate = ServerCertificate();
        var options = new FabricChaincodeServerOptions { ChaincodeId = "cc_1:00", Listen = new IPEndPoint(IPAddress.Loopback, 0), TlsCertificate = certificate }.Serve(new ConformanceChaincode());
        await using FabricChaincodeServer server = await FabricChaincodeServer.StartAsync(options);

        await Assert.ThrowsAnyAsync<Exception>(async () => await ScriptedPeer.ConnectAsync(server.Address));
    }
}
