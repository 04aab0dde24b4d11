using System.Net;
using System.Text.Json.Nodes;
using Spectre.Console;
using ValueChain.Testing;

namespace ValueChain.Cli.Tests;

/// <summary>valuechain content add|get|cid|car export|car import|serve on stores in temporary directories.</summary>
public sealed class ContentCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("valuechain-cli-content-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Store => Path.Combine(_directory, "store");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("kubo-v0", "kuboDefaultV0")]
    [InlineData("kubo-v1", "kuboV1")]
    [InlineData("kubo-v1-raw-leaves", "kuboV1RawLeaves")]
    [InlineData("unixfs-v1-2025", "unixfsV1_2025")]
    public async Task Cid_prints_the_root_the_reference_importer_gives_for_each_profile(string profile, string vectorProfile)
    {
        JsonObject entry = VectorFile("ipfs/unixfs-profiles.json").First(e => (long)e["size"]! == 1048577);
        string file = await WriteFormulaFileAsync(entry);

        (int exitCode, string output) = await CliRunner.RunAsync("content", "cid", file, "--profile", profile);

        Assert.Equal(0, exitCode);
        Assert.Equal((string)entry[vectorProfile]!["cid"]!, output.Trim());
    }

    [Fact]
    public async Task Add_then_get_round_trips_and_add_prints_the_same_CID_as_cid()
    {
        string file = Path.Combine(_directory, "report.bin");
        byte[] content = Bytes(700_000);
        await File.WriteAllBytesAsync(file, content, Ct);

        (int addExit, string added) = await CliRunner.RunAsync("content", "add", file, "--profile", "kubo-v0", "--store", Store);
        (int _, string computed) = await CliRunner.RunAsync("content", "cid", file, "--profile", "kubo-v0");
        string back = Path.Combine(_directory, "back.bin");
        (int getExit, string got) = await CliRunner.RunAsync("content", "get", added.Trim(), "--out", back, "--store", Store);

        Assert.Equal(0, addExit);
        Assert.StartsWith("Qm", added.Trim(), StringComparison.Ordinal);
        Assert.Equal(computed.Trim(), added.Trim());
        Assert.Equal(0, getExit);
        Assert.Contains("every block verified", got, StringComparison.Ordinal);
        Assert.Equal(content, await File.ReadAllBytesAsync(back, Ct));
    }

    [Fact]
    public async Task A_large_file_is_added_with_a_progress_bar_and_reads_back()
    {
        string file = Path.Combine(_directory, "large.bin");
        byte[] content = Bytes(17 * 1024 * 1024);
        await File.WriteAllBytesAsync(file, content, Ct);

        // An interactive terminal, where Spectre.Console draws live progress.
        var terminal = new StringWriter();
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.Yes, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(terminal), Interactive = InteractionSupport.Yes });
        int exitCode = await CliApp.RunAsync(["content", "add", file, "--store", Store], console);
        string output = terminal.ToString();
        string root = System.Text.RegularExpressions.Regex.Match(output, "bafy[a-z2-7]{50,}").Value;
        string back = Path.Combine(_directory, "large-back.bin");
        (int getExit, _) = await CliRunner.RunAsync("content", "get", root, "-o", back, "--store", Store);

        Assert.Equal(0, exitCode);
        Assert.Contains("Adding large.bin", output, StringComparison.Ordinal);
        Assert.StartsWith("bafybei", root, StringComparison.Ordinal);
        Assert.Equal(0, getExit);
        Assert.Equal(content, await File.ReadAllBytesAsync(back, Ct));
    }

    [Fact]
    public async Task Car_export_then_import_into_another_store_gives_the_same_root_and_bytes()
    {
        string file = Path.Combine(_directory, "in.bin");
        byte[] content = Bytes(2_500_000);
        await File.WriteAllBytesAsync(file, content, Ct);
        (_, string added) = await CliRunner.RunAsync("content", "add", file, "--store", Store);
        string root = added.Trim();
        string car = Path.Combine(_directory, "out.car");

        (int exportExit, _) = await CliRunner.RunAsync("content", "car", "export", root, "--out", car, "--store", Store);
        string other = Path.Combine(_directory, "other");
        (int importExit, string imported) = await CliRunner.RunAsync("content", "car", "import", car, "--store", other);
        string back = Path.Combine(_directory, "back.bin");
        (int getExit, _) = await CliRunner.RunAsync("content", "get", root, "--out", back, "--store", other);

        Assert.Equal(0, exportExit);
        Assert.Equal(0, importExit);
        Assert.Equal(root, imported.Trim());
        Assert.Equal(0, getExit);
        Assert.Equal(content, await File.ReadAllBytesAsync(back, Ct));
    }

    [Fact]
    public async Task Get_of_a_CID_the_store_lacks_fails_with_its_message_and_writes_nothing()
    {
        string back = Path.Combine(_directory, "none.bin");

        (int exitCode, string output) = await CliRunner.RunAsync("content", "get", "bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy", "--out", back, "--store", Store);

        Assert.Equal(2, exitCode);
        Assert.Contains("bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy is not in the content store", output, StringComparison.Ordinal);
        Assert.False(File.Exists(back));
        Assert.False(File.Exists(back + ".partial"));
    }

    [Fact]
    public async Task An_unknown_profile_is_refused_naming_the_ones_there_are()
    {
        string file = Path.Combine(_directory, "x.bin");
        await File.WriteAllBytesAsync(file, [1, 2, 3], Ct);

        (int exitCode, string output) = await CliRunner.RunAsync("content", "cid", file, "--profile", "kubo-v2");

        Assert.Equal(2, exitCode);
        Assert.Contains("Unknown profile 'kubo-v2'", output, StringComparison.Ordinal);
        Assert.Contains("unixfs-v1-2025", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_answers_a_raw_block_request_until_stopped()
    {
        string file = Path.Combine(_directory, "served.bin");
        await File.WriteAllBytesAsync(file, "served by the gateway"u8.ToArray(), Ct);
        (_, string added) = await CliRunner.RunAsync("content", "add", file, "--store", Store);
        string root = added.Trim();
        int port = LoopbackPort.Free();
        var output = new StringWriter();
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        Task<int> serving = CliApp.Create(console).Parse(["content", "serve", "--store", Store, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]).InvokeAsync(cancellationToken: stop.Token);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        HttpResponseMessage? response = null;
        for (int attempt = 0; attempt < 300 && response is null && !serving.IsCompleted; attempt++)
        {
            try
            {
                response = await client.GetAsync($"ipfs/{root}?format=raw", Ct);
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100, Ct);
            }
        }

        Assert.NotNull(response);
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/vnd.ipld.raw", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("served by the gateway"u8.ToArray(), await response.Content.ReadAsByteArrayAsync(Ct));
        }

        await stop.CancelAsync();
        Assert.Equal(0, await serving);
        Assert.Contains($"127.0.0.1:{port}/ipfs/{{cid}}", output.ToString(), StringComparison.Ordinal);
    }

    private static IReadOnlyList<JsonObject> VectorFile(string path) =>
        JsonNode.Parse(File.ReadAllText(RepositoryPaths.Vector(path)))!["vectors"]!.AsArray().Select(e => e!.AsObject()).ToList();

    /// <summary>Writes the entry's content, from the formula parameters it gives.</summary>
    private async Task<string> WriteFormulaFileAsync(JsonObject entry)
    {
        long size = (long)entry["size"]!;
        JsonNode parameters = entry["content"]!;
        long a = (long)parameters["a"]!, b = (long)parameters["b"]!, mod = (long)parameters["mod"]!;
        int shift = (int)parameters["shift"]!;
        var bytes = new byte[size];
        for (long i = 0; i < size; i++)
        {
            bytes[i] = (byte)(((i * a) + b + (shift > 0 ? i >> shift : 0)) % mod);
        }

        string file = Path.Combine(_directory, $"vector-{size}.bin");
        await File.WriteAllBytesAsync(file, bytes, Ct);
        return file;
    }

    private static byte[] Bytes(int size)
    {
        var bytes = new byte[size];
        for (int i = 0; i < size; i++)
        {
            bytes[i] = (byte)(((i * 31) + 7 + (i / 4096)) % 251);
        }

        return bytes;
    }
}
