namespace ValueChain.Cli.Tests;

public sealed class DeviceCommandTests
{
    [Fact]
    public async Task Device_without_its_key_in_the_environment_says_which_variable_to_set_and_fails()
    {
        Assert.Null(Environment.GetEnvironmentVariable("VALUECHAIN_DEVICE_KEY"));

        (int exitCode, string output) = await CliRunner.RunAsync("device", "--id", "press-1", "--broker", "127.0.0.1:1883", "--dir", Path.GetTempPath(),
            "--chain-id", "31337", "--platform", "0x00000000000000000000000000000000000000aa");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("VALUECHAIN_DEVICE_KEY", output, StringComparison.Ordinal);
    }
}
