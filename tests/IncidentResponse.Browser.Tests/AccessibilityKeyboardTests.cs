using System.Globalization;
using System.Text.RegularExpressions;
using IncidentResponse.Browser.Tests.Infrastructure;
using IncidentResponse.Domain.Safety;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentResponse.Browser.Tests;

/// <summary>
/// The main journey with the keyboard alone (Tab, Enter, Space, arrow keys and typing; no clicks, no addresses typed
/// into the browser after the first): sign up, start a case, safety first, the plan, the questions, and an entry in
/// the record. On every page quick exit is the first thing Tab reaches, and every element Tab reaches shows its focus.
/// </summary>
[Collection(WithApp.Name)]
public sealed partial class AccessibilityKeyboardTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    /// <summary>True when the focused element is drawn focused: an outline or a shadow from the focus style.</summary>
    private const string FocusShown =
        """
        () => {
          const e = document.activeElement;
          if (!e || e === document.body) return `nothing is focused (after ${window.__lastFocus ?? 'nothing'})`;
          window.__lastFocus = e.outerHTML.slice(0, 80);
          const s = getComputedStyle(e);
          const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
          const shadow = s.boxShadow !== 'none';
          return outline || shadow ? '' : `${e.outerHTML.slice(0, 120)} shows no focus (outline ${s.outlineStyle} ${s.outlineWidth}, shadow ${s.boxShadow})`;
        }
        """;

    private int _tabs;

    [Fact]
    public Task The_main_journey_works_with_the_keyboard_alone() => RunAsync(async () =>
    {
        var yesterday = DateTime.UtcNow.AddDays(-1);

        await Page.GotoAsync("/account/sign-up");
        await QuickExitComesFirstAsync();
        await TabToAsync("#Input_Username");
        await Page.Keyboard.TypeAsync(Journeys.NewUsername("keys"));
        await TabToAsync("#Input_Passphrase");
        await Page.Keyboard.TypeAsync(Journeys.Passphrase);
        await TabToAsync("#Input_ConfirmPassphrase");
        await Page.Keyboard.TypeAsync(Journeys.Passphrase);
        await TabToAsync("button[type=submit]:text-is('Create account')");
        await PressEnterAndWaitAsync();
        await QuickExitComesFirstAsync();
        await TabToAsync("button[type=submit]:text-is('Show my recovery codes')");

        // The codes are the answer to that form, on the same address.
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.GetByRole(AriaRole.List, new() { Name = "Your recovery codes" })).ToBeVisibleAsync();
        await QuickExitComesFirstAsync();
        await TabToAsync("a:text-is('I have kept them safe: continue')");
        await PressEnterAndWaitAsync();
        await Expect(Page).ToHaveURLAsync(Journeys.StartCaseUrl());

        await QuickExitComesFirstAsync();
        await TabToAsync("#Input_Title");
        await Page.Keyboard.TypeAsync("Spring notes");
        await TabToAsync("button:text-is('Start the case')");
        await PressEnterAndWaitAsync();
        await Expect(Page.Heading()).ToHaveTextAsync("Safety first");
        var caseId = new Uri(Page.Url).Segments[2].TrimEnd('/');

        await QuickExitComesFirstAsync();
        await TabToAsync("main a[href$='/plan']");
        await PressEnterAndWaitAsync();
        await Expect(Page.Heading()).ToHaveTextAsync("Your plan");

        await QuickExitComesFirstAsync();
        await TabToAsync("main a[href$='/assessment']");
        await PressEnterAndWaitAsync();
        await Expect(Page.Heading()).ToHaveTextAsync("A few questions about your situation");

        // Tab enters each group of choices on its first ("Yes"); the down arrow moves to and chooses "No". Each step's
        // button leads to the next screen, a fresh page where quick exit comes first again.
        for (var step = 1; step <= ThreatQuestionnaire.Steps.Count; step++)
        {
            await QuickExitComesFirstAsync();
            foreach (var question in ThreatQuestionnaire.QuestionsOnStep(step))
            {
                var group = $"input[name='Input.Answers[{question.Id}]']";
                await TabToAsync(group);
                await Page.Keyboard.PressAsync("ArrowDown");
                await Expect(Page.Locator(group + "[value=No]")).ToBeCheckedAsync();
            }

            if (step == ThreatQuestionnaire.Steps.Count)
            {
                await TabToAsync("button:text-is('See what this means for your plan')");
                await PressEnterAndWaitAsync();
            }
            else
            {
                // The next screen answers the post at the same address.
                await TabToAsync("button:text-is('Next')");
                await Page.Keyboard.PressAsync("Enter");
                await Expect(Page.GetByText(string.Create(CultureInfo.InvariantCulture, $"Step {step + 1} of {ThreatQuestionnaire.Steps.Count}"))).ToBeVisibleAsync();
                await Page.WaitForLoadStateAsync(LoadState.Load);
            }
        }

        await Expect(Page.Heading()).ToHaveTextAsync("What your answers mean for your plan");

        await QuickExitComesFirstAsync();
        await TabToAsync("header a[href='/cases']");
        await PressEnterAndWaitAsync();
        await Expect(Page.Heading()).ToHaveTextAsync("Your cases");
        await QuickExitComesFirstAsync();
        await TabToAsync($"main a[href='/cases/{caseId}']");
        await PressEnterAndWaitAsync();
        await Expect(Page.Heading()).ToHaveTextAsync("Spring notes");
        await QuickExitComesFirstAsync();
        await TabToAsync("main a[href$='/log']");
        await PressEnterAndWaitAsync();
        await QuickExitComesFirstAsync();
        await TabToAsync("main a[href$='/log/new']");
        await PressEnterAndWaitAsync();

        await QuickExitComesFirstAsync();
        await TabToAsync("input[name='Input.Kind']");
        await Page.Keyboard.PressAsync("Space");
        await Expect(Page.Locator("input[name='Input.Kind']").First).ToBeCheckedAsync();
        await TabToAsync(Page.GetByLabel("When did it happen?"));
        await TypeDateAsync(yesterday);
        await TabToAsync(Page.GetByLabel("When did you find out about it?"));
        await TypeDateAsync(yesterday);
        await TabToAsync(Page.GetByLabel("Where did it happen?"));
        await Page.Keyboard.TypeAsync("Instagram");
        await Expect(Page.GetByLabel("Where did it happen?").Locator("option:checked")).ToHaveTextAsync("Instagram");
        await TabToAsync(Page.GetByLabel("What happened, in your own words"));
        await Page.Keyboard.TypeAsync("A message saying the photos would be sent to my work.");
        await TabToAsync("input[name='Input.Concern']");
        await Page.Keyboard.PressAsync("Space");
        await Expect(Page.Locator("input[name='Input.Concern']:checked")).ToHaveCountAsync(1);
        await TabToAsync("button:text-is('Save to your record')");
        await PressEnterAndWaitAsync();
        await Expect(Page).ToHaveURLAsync(EntryUrl());
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("A message saying the photos would be sent to my work.");
        await QuickExitComesFirstAsync();
        Output.WriteLine($"The journey took {_tabs} presses of Tab.");
    });

    /// <summary>Presses Enter on a link or a form's button and waits for the next page to load.</summary>
    private async Task PressEnterAndWaitAsync()
    {
        var from = Page.Url;
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForURLAsync(url => url != from);
        await Page.WaitForLoadStateAsync(LoadState.Load);
    }

    /// <summary>The first Tab on a freshly loaded page reaches quick exit, and its focus shows.</summary>
    private async Task QuickExitComesFirstAsync()
    {
        await Page.WaitForLoadStateAsync(LoadState.Load);
        await Page.Keyboard.PressAsync("Tab");
        _tabs++;
        await Expect(Page.QuickExitLink()).ToBeFocusedAsync();
        Assert.Equal("", await Page.EvaluateAsync<string>(FocusShown));
    }

    /// <summary>Presses Tab until the element matching <paramref name="selector"/> has focus, checking each stop shows focus.</summary>
    private Task TabToAsync(string selector) => TabToAsync(Page.Locator(selector));

    private async Task TabToAsync(ILocator target)
    {
        for (var presses = 0; presses < 80; presses++)
        {
            await Page.Keyboard.PressAsync("Tab");
            _tabs++;
            var problem = await Page.EvaluateAsync<string>(FocusShown);
            Assert.True(problem.Length == 0, $"On {new Uri(Page.Url).AbsolutePath}: {problem}");
            if (await target.EvaluateAllAsync<bool>("elements => elements.includes(document.activeElement)"))
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached {target} on {new Uri(Page.Url).AbsolutePath} ({await target.CountAsync()} on the page).");
    }

    /// <summary>
    /// Types a date into Chromium's date field. Its parts come in the order of the browser's own language (day first
    /// or month first), not the page's, so a wrong order is undone with Shift+Tab back to the first part and retried.
    /// </summary>
    private async Task TypeDateAsync(DateTime date)
    {
        var expected = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var order in new[] { "ddMMyyyy", "MMddyyyy" })
        {
            await Page.Keyboard.TypeAsync(date.ToString(order, CultureInfo.InvariantCulture));
            if (await Page.EvaluateAsync<string>("() => document.activeElement.value") == expected)
            {
                return;
            }

            await Page.Keyboard.PressAsync("Shift+Tab");
            await Page.Keyboard.PressAsync("Shift+Tab");
        }

        Assert.Fail($"Typing {expected} into the date field did not give that date.");
    }

    [GeneratedRegex(@"/cases/[0-9a-f-]{36}/log/[0-9a-f-]{36}(\?added=true)?$")]
    private static partial Regex EntryUrl();
}
