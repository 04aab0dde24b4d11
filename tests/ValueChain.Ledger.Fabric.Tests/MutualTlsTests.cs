using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ValueChain.Ledger.Fabric.Client;

namespace ValueChain.Ledger.Fabric.Tests;

/// <summary>
/// Mutual TLS: an endpoint with a client certificate presents it in the handshake, as peers and orderers with
/// <c>clientAuthRequired</c> demand. Checked against a real Kestrel server that requires one.
/// </summary>
public sealed class MutualTlsTests
{
    private static readonly Lazy<TlsAuthority> Authority = new(TlsAuthority.Create);

    [Fact]
    public async Task A_server_that_requires_a_client_certificate_accepts_the_endpoints_certificate()
    {
        await using WebApplication server = await StartServerAsync();
        FabricEndpoint endpoint = Endpoint(server, withClientCertificate: true);

        string seen = await GetAsync(endpoint);

        Assert.Equal("CN=client.org1.example.com", seen);
    }

    [Fact]
    public async Task The_same_server_refuses_a_connection_without_a_client_certificate()
    {
        await using WebApplication server = await StartServerAsync();
        FabricEndpoint endpoint = Endpoint(server, withClientCertificate: false);

        await Assert.ThrowsAsync<HttpRequestException>(() => GetAsync(endpoint));
    }

    [Theory]
    [InlineData(true, false, "needs both ClientCertificatePem and ClientKeyPem")]
    [InlineData(false, true, "needs both ClientCertificatePem and ClientKeyPem")]
    public void Half_a_client_identity_is_refused_at_start_up_naming_the_endpoint(bool certificate, bool key, string message)
    {
        var options = ValidOptions();
        FabricEndpoint peer = options.Peers[0];
        peer.ClientCertificatePem = certificate ? Authority.Value.ClientCertificatePem : null;
        peer.ClientKeyPem = key ? Authority.Value.ClientKeyPem : null;

        ValidateOptionsResult result = new FabricOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains(message, StringComparison.Ordinal) && f.Contains(peer.Address, StringComparison.Ordinal));
    }

    [Fact]
    public void A_client_certificate_on_a_plain_endpoint_or_a_mismatched_key_is_refused_at_start_up()
    {
        var plain = ValidOptions();
        plain.Orderer = new FabricEndpoint { Address = "http://127.0.0.1:7050", ClientCertificatePem = Authority.Value.ClientCertificatePem, ClientKeyPem = Authority.Value.ClientKeyPem };
        var mismatched = ValidOptions();
        mismatched.Peers[0].ClientCertificatePem = Authority.Value.ClientCertificatePem;
        mismatched.Peers[0].ClientKeyPem = Authority.Value.OtherKeyPem;

        Assert.Contains(new FabricOptionsValidator().Validate(null, plain).Failures!, f => f.Contains("mutual TLS needs TLS", StringComparison.Ordinal));
        Assert.Contains(new FabricOptionsValidator().Validate(null, mismatched).Failures!, f => f.Contains("cannot be read as PEM (or they do not match)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_complete_client_identity_passes_validation()
    {
        var options = ValidOptions();
        options.Peers[0].ClientCertificatePem = Authority.Value.ClientCertificatePem;
        options.Peers[0].ClientKeyPem = Authority.Value.ClientKeyPem;
        options.Orderer.ClientCertificatePem = Authority.Value.ClientCertificatePem;
        options.Orderer.ClientKeyPem = Authority.Value.ClientKeyPem;

        Assert.True(new FabricOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Under_mutual_tls_deliver_requests_carry_the_hash_of_the_client_certificate()
    {
        // Fabric's deliver service refuses a seek not bound to the connection's certificate ("client didn't include its TLS cert hash").
        var endpoint = new FabricEndpoint { Address = "https://127.0.0.1:7051", ClientCertificatePem = Authority.Value.ClientCertificatePem, ClientKeyPem = Authority.Value.ClientKeyPem };
        byte[] expected = SHA256.HashData(X509Certificate2.CreateFromPem(Authority.Value.ClientCertificatePem).RawData);

        byte[]? hash = FabricChannels.ClientCertificateHash(endpoint);
        Common.Envelope seek = Protocol.SeekEnvelopeBuilder.Build(GoldenFiles.ClientIdentity(), GoldenFiles.ClientSigner(), "valuechain", 5, null, DateTimeOffset.UnixEpoch, hash);
        Common.ChannelHeader header = Common.ChannelHeader.Parser.ParseFrom(Common.Payload.Parser.ParseFrom(seek.Payload).Header.ChannelHeader);

        Assert.Equal(expected, hash);
        Assert.Equal(expected, header.TlsCertHash.ToByteArray());
        Assert.Null(FabricChannels.ClientCertificateHash(new FabricEndpoint { Address = "https://127.0.0.1:7051" }));
    }

    private static FabricOptions ValidOptions()
    {
        TestCertificates ca = TestCertificates.CreateCa();
        var options = new FabricOptions
        {
            Channel = "valuechain",
            MspId = "Org1MSP",
            CertificatePem = ca.CaCertificatePem,
            Signer = EcdsaP256Signer.FromPem(ca.CaKeyPem),
            Orderer = new FabricEndpoint { Address = "https://127.0.0.1:7050", TlsRootCertificatePem = Authority.Value.RootPem },
        };
        options.Peers.Add(new FabricEndpoint { Address = "https://127.0.0.1:7051", TlsRootCertificatePem = Authority.Value.RootPem });
        return options;
    }

    private static FabricEndpoint Endpoint(WebApplication server, bool withClientCertificate)
    {
        string address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FabricEndpoint
        {
            Address = address.Replace("127.0.0.1", "localhost", StringComparison.Ordinal),
            TlsRootCertificatePem = Authority.Value.RootPem,
            ClientCertificatePem = withClientCertificate ? Authority.Value.ClientCertificatePem : null,
            ClientKeyPem = withClientCertificate ? Authority.Value.ClientKeyPem : null,
        };
    }

    // Through the same handler the driver's gRPC channels use.
    private static async Task<string> GetAsync(FabricEndpoint endpoint)
    {
        var address = new Uri(endpoint.Address);
        using var client = new HttpClient(FabricChannels.Handler(endpoint, address));
        return await client.GetStringAsync(new Uri(address, "/who"));
    }

    private static async Task<WebApplication> StartServerAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        X509Certificate2 root = X509CertificateLoader.LoadCertificate(Authority.Value.Root.RawData);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(new HttpsConnectionAdapterOptions
        {
            ServerCertificate = Authority.Value.Server,
            ClientCertificateMode = ClientCertificateMode.RequireCertificate,
            ClientCertificateValidation = (certificate, _, _) =>
            {
                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                chain.ChainPolicy.CustomTrustStore.Add(root);
                return chain.Build(certificate);
            },
        })));
        WebApplication app = builder.Build();
        app.MapGet("/who", (HttpContext context) => context.Connection.ClientCertificate?.Subject ?? "none");
        await app.StartAsync();
        return app;
    }

    /// <summary>A TLS CA with a server certificate for localhost and a client certificate, as an organisation's TLS CA issues them.</summary>
    private sealed record TlsAuthority(X509Certificate2 Root, string RootPem, X509Certificate2 Server, string ClientCertificatePem, string ClientKeyPem, string OtherKeyPem)
    {
        public static TlsAuthority Create()
        {
            // One instant for every validity window: an issued certificate may not outlive its issuer.
            DateTimeOffset now = DateTimeOffset.UtcNow;
            using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var caRequest = new CertificateRequest("CN=tlsca.org1.example.com", caKey, HashAlgorithmName.SHA256);
            caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.DigitalSignature, true));
            X509Certificate2 root = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));

            using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var serverRequest = new CertificateRequest("CN=localhost", serverKey, HashAlgorithmName.SHA256);
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("localhost");
            names.AddIpAddress(IPAddress.Loopback);
            serverRequest.CertificateExtensions.Add(names.Build());
            serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
            using X509Certificate2 serverIssued = serverRequest.Create(root, now.AddDays(-1), now.AddDays(30), [1]);
            using X509Certificate2 serverWithKey = serverIssued.CopyWithPrivateKey(serverKey);
            X509Certificate2 server = X509CertificateLoader.LoadPkcs12(serverWithKey.Export(X509ContentType.Pkcs12), null);

            using var clientKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var clientRequest = new CertificateRequest("CN=client.org1.example.com", clientKey, HashAlgorithmName.SHA256);
            clientRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
            using X509Certificate2 client = clientRequest.Create(root, now.AddDays(-1), now.AddDays(30), [2]);
            using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

            return new TlsAuthority(root, root.ExportCertificatePem(), server, client.ExportCertificatePem(), clientKey.ExportPkcs8PrivateKeyPem(), otherKey.ExportPkcs8PrivateKeyPem());
        }
    }
}
