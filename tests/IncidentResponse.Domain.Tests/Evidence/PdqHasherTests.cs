using IncidentResponse.Domain.Evidence;
using SkiaSharp;
using Xunit.Abstractions;

namespace IncidentResponse.Domain.Tests.Evidence;

/// <summary>
/// The PDQ hasher against Meta's reference data (ThreatExchange <c>pdq/</c>, BSD licence in <c>Pdq/LICENSE</c>): its
/// sample images and the hashes its reference hasher gives them, within the 16 bits its own test allows for another
/// JPEG decoder and resampler; the rotated and mirrored bridge photos (each re-encoded after turning) matching the
/// original's dihedral variants within the match distance; and
/// what matching needs: a resized, re-encoded copy matches, different pictures do not, a flat picture has low quality.
/// </summary>
public sealed class PdqHasherTests(ITestOutputHelper output)
{
    /// <summary>Meta's own test allows this many bits for a different decoder (theirs is PIL's).</summary>
    private const int ReferenceTolerance = 16;

    private static readonly string Data = Path.Combine(AppContext.BaseDirectory, "Pdq");

    /// <summary>The expected hashes from Meta's <c>pdq_test.py</c>.</summary>
    public static TheoryData<string, string> Expected => new()
    {
        { "misc-images/c.png", "e64cc9d91e623842f8d1f1d9a398e78c9f199a3bd87924f2b7e11e0bf061b064" },
        { "misc-images/small.jpg", "0007001f003f003f007f00ff00ff00ff01ff01ff01ff03ff03ff03ff03ff03ff" },
        { "misc-images/wee.jpg", "6227401f601ff4ccafcc9fad4b0d95d371a2eb7265a3285234d228ca94deeb2d" },
        { "labelme-subset/q0003.jpg", "54a977c221d14c1c43ba5e6e21d4a13989a3553f1462611cbb85fda7be83b677" },
        { "labelme-subset/q0004.jpg", "992d44af36d69e6ca6b812585928bac11def254ef5398c6d07466c9abcc65b92" },
        { "labelme-subset/q0122.jpg", "cfb2009ddd21c6dab0046a7745b5984757a8a4535b3377aea2591d32b33ff940" },
        { "labelme-subset/q0291.jpg", "a0fe94f1e5cc1cc8dd855948498dc9243f7ca27336f036d7f212b74bc103c9a7" },
        { "labelme-subset/q0746.jpg", "1049d96239e24d4dca2c55512b8bdb77425f4dbcf575a0a95555aaab5554aaaa" },
        { "labelme-subset/q1050.jpg", "489db672e9190276d452aeab41eba20f02375fe4092d88defdf491a5c55c5f70" },
        { "labelme-subset/q2821.jpg", "b150231ffae4710ffcf4f18bb574b109a576f14bb8543189f8743289f174b109" },
        { "dih/bridge-1-original.jpg", "d8f8f0cce0f4a84f0e370a22028f67f0b36e2ed596623e1d33e6b39c4e9c9b22" },
        { "dih/bridge-2-rotate-90.jpg", "38a50efd71c83f429013d68d0ffffc52e34e0e15ada952a9d29684214aa9e5af" },
        { "dih/bridge-3-rotate-180.jpg", "2dadda64b5a142e5d362209057da895ae63b8c7fc277b4b766b319361f893188" },
        { "dih/bridge-4-rotate-270.jpg", "a5f0a457248995e8c9065c275aaa54d8b61ba4bdf8fcfc0387c32f8b0bfc4f05" },
        { "dih/bridge-5-flipx.jpg", "d8f80f31e0f417b00e37f5dd028f980fb36ed12a9662c1e233e64c634e9c64dd" },
        { "dih/bridge-6-flipy.jpg", "0dad259bb1a1bd18d362576556da32a1e63b7380c2374b4866b3c6c91b89ce77" },
        { "dih/bridge-7-flip-plus-1.jpg", "f0a5e10271dcc0bd9c5309720fff018de34ef1e8ada9a956d2967ade1ea91a50" },
        { "dih/bridge-8-flip-minus-1.jpg", "69f05aa8a4996a17c146a2da5aaaab07b61b5b60f8fc07fc83c3d0740bfcb0fa" },
    };

    private static readonly string[] Bridges =
    [
        "bridge-1-original", "bridge-2-rotate-90", "bridge-3-rotate-180", "bridge-4-rotate-270", "bridge-5-flipx",
        "bridge-6-flipy", "bridge-7-flip-plus-1", "bridge-8-flip-minus-1",
    ];

    [Theory]
    [MemberData(nameof(Expected))]
    public void Each_sample_hashes_within_the_reference_tolerance_of_metas_expected_hash(string file, string expected)
    {
        var hashes = Hash(file);

        var distance = hashes.Original.DistanceTo(PdqHash.FromHex(expected, 100));
        output.WriteLine($"{file}: {hashes.Original.Hex} quality {hashes.Original.Quality}, {distance} bits from the reference");
        Assert.InRange(distance, 0, ReferenceTolerance);
    }

    [Fact]
    public void Each_turned_or_mirrored_bridge_matches_the_originals_variant_for_that_turn()
    {
        var original = Hash("dih/bridge-1-original.jpg");

        for (var turn = 0; turn < Bridges.Length; turn++)
        {
            var turned = Hash($"dih/{Bridges[turn]}.jpg");
            var distance = original.Variants[turn].DistanceTo(turned.Original);
            output.WriteLine($"{Bridges[turn]}: {distance} bits from the original's variant {turn}");

            // Each turned file is a JPEG of its own (re-encoded after turning), so it is a near copy, not the same pixels.
            Assert.InRange(distance, 0, PdqHasher.MatchDistance);

            // Through its variants, the original matches the turned copy as it is; unturned, it does not.
            Assert.InRange(original.DistanceTo(turned.Original), 0, PdqHasher.MatchDistance);
            if (turn > 0)
            {
                Assert.True(original.Original.DistanceTo(turned.Original) > PdqHasher.MatchDistance, $"{Bridges[turn]} matched without turning");
            }
        }
    }

    [Fact]
    public void Sealed_variants_open_only_with_their_key_and_item_and_find_a_turned_copy_kept_either_way()
    {
        var caseKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        var original = Hash("dih/bridge-1-original.jpg");
        var flipped = Hash("dih/bridge-5-flipx.jpg");
        var (originalId, flippedId) = (Guid.NewGuid(), Guid.NewGuid());

        var sealedOriginal = original.Seal(caseKey, originalId);
        Assert.Equal(8 * 62, sealedOriginal.Length);
        var opened = PdqHashes.Open(sealedOriginal, original.Original.Quality, caseKey, originalId);
        Assert.Equal(original.Variants.Select(v => v.Hex), opened.Variants.Select(v => v.Hex));
        Assert.Throws<EvidenceIntegrityException>(() => PdqHashes.Open(sealedOriginal, 90, caseKey, flippedId));
        Assert.Throws<EvidenceIntegrityException>(() => PdqHashes.Open(sealedOriginal, 90, new byte[32], originalId));
        Assert.Throws<EvidenceIntegrityException>(() => PdqHashes.Open(sealedOriginal.AsSpan(0, 3 * 62), 90, caseKey, originalId));

        // A flipped copy matches whichever side has its variants; a picture kept before variants were kept (its original
        // alone) is still found by a flipped copy kept now, and the other way round.
        var originalAlone = PdqHashes.Open(original.Original.Seal(caseKey, originalId), original.Original.Quality, caseKey, originalId);
        var flippedAlone = new PdqHashes([flipped.Original]);
        Assert.Single(originalAlone.Variants);
        Assert.True(flipped.LooksLike(originalAlone));
        Assert.True(originalAlone.LooksLike(flipped));
        Assert.True(original.LooksLike(flippedAlone));
        Assert.False(originalAlone.LooksLike(flippedAlone));
        Assert.False(original.LooksLike(Hash("labelme-subset/q0003.jpg")));
    }

    [Fact]
    public void A_smaller_recompressed_copy_matches_and_different_pictures_do_not()
    {
        var original = Hash("dih/bridge-1-original.jpg");
        using var bitmap = SKBitmap.Decode(Path.Combine(Data, "dih", "bridge-1-original.jpg"));
        using var smaller = bitmap.Resize(new SKImageInfo(bitmap.Width / 3, bitmap.Height / 3), new SKSamplingOptions(SKFilterMode.Linear));
        using var jpeg = smaller.Encode(SKEncodedImageFormat.Jpeg, 40);
        var copy = PdqHasher.Compute(new MemoryStream(jpeg.ToArray()))!;

        Assert.InRange(copy.Original.DistanceTo(original.Original), 0, PdqHasher.MatchDistance);
        Assert.True(original.Original.Quality >= PdqHasher.MinQuality);

        var others = Expected.Select(row => (string)row[0]).Where(f => !f.StartsWith("dih/", StringComparison.Ordinal) && f != "misc-images/small.jpg")
            .Select(f => (File: f, Hashes: Hash(f))).ToList();
        foreach (var (file, hashes) in others)
        {
            Assert.True(hashes.Original.DistanceTo(original.Original) > PdqHasher.MatchDistance, $"{file} matched the bridge");
            foreach (var (other, otherHashes) in others.Where(o => o.File != file))
            {
                Assert.True(hashes.Original.DistanceTo(otherHashes.Original) > PdqHasher.MatchDistance, $"{file} matched {other}");
            }
        }
    }

    [Fact]
    public void A_flat_picture_has_too_little_detail_to_match_on()
    {
        using var flat = new SKBitmap(300, 200);
        flat.Erase(new SKColor(120, 130, 140));
        using var png = flat.Encode(SKEncodedImageFormat.Png, 100);

        var hashes = PdqHasher.Compute(new MemoryStream(png.ToArray()))!;

        Assert.True(hashes.Original.Quality < PdqHasher.MinQuality, $"quality {hashes.Original.Quality}");
    }

    [Fact]
    public void Bytes_that_are_not_a_whole_picture_give_no_hash()
    {
        var jpeg = File.ReadAllBytes(Path.Combine(Data, "misc-images", "wee.jpg"));

        Assert.Null(PdqHasher.Compute(new MemoryStream("not a picture"u8.ToArray())));
        Assert.Null(PdqHasher.Compute(new MemoryStream(jpeg[..(jpeg.Length / 2)])));
    }

    private static PdqHashes Hash(string file)
    {
        using var stream = File.OpenRead(Path.Combine(Data, file));
        return PdqHasher.Compute(stream) ?? throw new InvalidOperationException(file + " did not decode.");
    }
}
