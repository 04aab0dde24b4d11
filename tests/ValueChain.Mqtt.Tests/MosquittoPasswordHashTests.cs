namespace ValueChain.Mqtt.Tests;

public sealed class MosquittoPasswordHashTests
{
    // Written by Debian's mosquitto_ctrl 2.0.11: `mosquitto_ctrl dynsec init dyn.json admin` with the password "adminpw".
    private const string GoldenSalt = "HLvC20ntps/Bs1Po";
    private const string GoldenHash = "WEGmP6knpWv9NgECAM/69oZ5kOAglHCl+qVm1JkIC2tjXJO47+6OkUc20OZmW3civSiKlYtgkGWHb4h0t+gFdw==";

    [Fact]
    public void The_hash_with_the_golden_salt_is_the_one_mosquitto_ctrl_wrote()
    {
        Assert.Equal(new MosquittoPasswordHash(GoldenHash, GoldenSalt, 101), MosquittoPasswordHash.Of("adminpw", Convert.FromBase64String(GoldenSalt)));
        Assert.NotEqual(GoldenHash, MosquittoPasswordHash.Of("adminpW", Convert.FromBase64String(GoldenSalt)).Hash);
    }

    [Fact]
    public void Each_hash_gets_its_own_salt()
    {
        Assert.NotEqual(MosquittoPasswordHash.Of("same").Salt, MosquittoPasswordHash.Of("same").Salt);
    }
}
