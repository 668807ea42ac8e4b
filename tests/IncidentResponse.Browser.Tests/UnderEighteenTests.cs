using IncidentResponse.Browser.Tests.Infrastructure;
using IncidentResponse.Domain.Safety;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentResponse.Browser.Tests;

/// <summary>A case whose age questions are unanswered, then answered "images made under 18": words only, never a file input.</summary>
[Collection(WithApp.Name)]
public sealed class UnderEighteenTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task Add_evidence_asks_the_two_questions_first_and_a_Yes_keeps_the_case_to_words_with_the_services_for_it() => RunAsync(async () =>
    {
        await Page.SignUpAsync(Journeys.NewUsername());
        await Page.GetByLabel("Case name").FillAsync("Spring notes");
        await Page.GetByLabel("Where do you live?").SelectOptionAsync(new SelectOptionValue { Label = "United Kingdom" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Start the case", Exact = true }).ClickAsync();
        await Expect(Page.Heading()).ToHaveTextAsync("Safety first");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "3. Write down what happened, in words" })).ToBeVisibleAsync();
        await Expect(Page.GetByText(WordsOnlyAdvice.RecordInWords)).ToBeVisibleAsync();
        var caseUrl = Page.Url[..Page.Url.LastIndexOf('/')];

        await Page.GotoAsync(caseUrl + "/evidence/add");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Before you add a file: two questions" })).ToBeVisibleAsync();
        await Expect(Page.Locator("input[type=file]")).ToHaveCountAsync(0);
        await Page.AnswerAgeQuestionsAsync("No", "Yes");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Continue", Exact = true }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "This case keeps words only" })).ToBeVisibleAsync();
        await Expect(Page.Locator("input[type=file]")).ToHaveCountAsync(0);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Report Remove (Childline and the Internet Watch Foundation)" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Take It Down (NCMEC)" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Add an entry to your record" })).ToBeVisibleAsync();
        await Screenshots.SaveForGuideAsync(Page, "under-18");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Add an entry to your record" }).ClickAsync();
        await Expect(Page.Heading()).ToHaveTextAsync("Add something that happened");
    });
}
