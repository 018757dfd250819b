"""A challenge set for `sdpa vet`: short click-through passages, written for these tests in our
own words (a made-up writing app, "Quillpath"), each labelled for one restriction or for the
audience by the operator labels' rules (../shared/eval/OPERATORS.md) before the vetting was run
on it: ``CASES`` (the first set, then read while fixing) and ``FRESH`` (a second set, written
after the fixes and scored once). The passages were never used to tune the rules they test: they test concepts (an
exception's kind, a permission that undoes a promise in another sentence, a permission with no
bound, contextual advertising, adaptive learning, de-identified data, the law named as a whole,
text for another state, who the service is for), each in several wordings.

The costly error is a restriction the terms leave open (limited or allowed) read as prohibited or
silent, or an audience that is not general read as general: a teacher would use the app without
the conditions. ``python -m tests.test_vetting_challenge`` prints the agreement per class.
"""

from __future__ import annotations

import pytest

from generator import vet_texts

# who the service is for, said once so that every restriction passage is read for a school service
FOR_SCHOOLS = ("Quillpath is a writing app made for teachers and students in K-12 classrooms. "
               "Teachers set assignments and students draft essays in it.\n\n")

# (id, what is labelled, expected, passage). For a restriction the passage follows FOR_SCHOOLS;
# for the audience it is read alone.
CASES: list[tuple[str, str, str, str]] = [
    # ---------------------------------------------------------------- targeted advertising
    ("ads-plain-1", "targeted_advertising", "prohibited",
     "We never use what students do in Quillpath to pick ads for them, in the app or anywhere else."),
    ("ads-plain-2", "targeted_advertising", "prohibited",
     "There are no ads in Quillpath: we do not display advertising of any kind to students."),
    ("ads-faq", "targeted_advertising", "prohibited",
     "Do you show ads to my kids?\n\nNo. Students never see advertisements selected from their data or their activity."),
    ("ads-formal", "targeted_advertising", "prohibited",
     "Company shall not use Student Data to direct targeted advertising to Students."),
    ("ads-contextual-beside-promise", "targeted_advertising", "prohibited",
     "We may show sponsored content related to the lesson a student is viewing. We never use a student's "
     "information or history to choose which ads appear."),
    ("ads-contextual-not-personal", "targeted_advertising", "prohibited",
     "Ads in the free version are based on the subject of the page you are reading, not on your personal information."),
    ("ads-opt-in", "targeted_advertising", "limited",
     "We won't use student data to target advertising unless the student opts in to receive personalized offers."),
    ("ads-affiliates", "targeted_advertising", "limited",
     "Company will not use Student Data for targeted advertising, except that Company's affiliates may use it "
     "to show users offers."),
    ("ads-parent-consent", "targeted_advertising", "limited",
     "With a parent's consent we may tailor promotions to a student's interests; without it, we never use "
     "student information for advertising."),
    ("ads-parents-only", "targeted_advertising", "silent",
     "We may email parents about our other learning products. These emails are not based on any student information."),
    ("ads-cookies-partners", "targeted_advertising", "allowed",
     "We and our advertising partners use cookies and similar tools to deliver ads tailored to your interests, "
     "on our service and on other websites."),
    ("ads-faq-relevant", "targeted_advertising", "allowed",
     "Why do I see ads that seem made for me?\n\nOur ad partners may use information about how you use the app "
     "to choose ads you are more likely to enjoy."),
    ("ads-plain-ads", "targeted_advertising", "silent",
     "The free version of Quillpath shows ads between lessons."),
    ("ads-statute-cc", "targeted_advertising", "prohibited",
     "Quillpath complies with Conn. Gen. Stat. § 10-234cc for all student information it holds."),
    ("ads-other-state", "targeted_advertising", "silent",
     "Residents of Virginia: we do not process personal data of Virginia consumers for targeted advertising."),
    ("ads-bullets", "targeted_advertising", "prohibited",
     "We never:\n\n- sell student information;\n- use student information to target ads;\n"
     "- build marketing profiles of students."),

    # ---------------------------------------------------------------- profiling
    ("prof-adaptive-promise", "profiling", "prohibited",
     "Quillpath adapts practice to each student's progress. We use that learning record only for that, and "
     "never build profiles of students for advertising or any other purpose outside school."),
    ("prof-adaptive-only", "profiling", "silent",
     "The app adjusts the reading level of each exercise to the student's earlier answers."),
    ("prof-marketing", "profiling", "allowed",
     "We may combine information about your activity across our services to build a profile of your "
     "interests, which we use to market our products to you."),
    ("prof-parent-permission", "profiling", "limited",
     "We do not create profiles of students, except with a parent's permission."),
    ("prof-formal", "profiling", "prohibited",
     "Company will not use Student Data to create a profile of a Student for any purpose other than providing "
     "the Services to the School."),
    ("prof-infer-marketing", "profiling", "allowed",
     "We build profiles from usage to infer users' interests and preferences for marketing purposes."),
    ("prof-deidentified", "profiling", "silent",
     "We may use de-identified, aggregated data to study how students learn and to improve our lessons."),
    ("prof-any-purpose", "profiling", "allowed",
     "We may build profiles of users for any lawful purpose."),
    ("prof-plain", "profiling", "prohibited",
     "We don't build advertising profiles of students."),
    ("prof-bullets", "profiling", "prohibited",
     "We never:\n\n- sell student information;\n- use student information to target ads;\n"
     "- build marketing profiles of students."),

    # ---------------------------------------------------------------- sale
    ("sale-plain-1", "sale", "prohibited", "We do not sell student data. Period."),
    ("sale-plain-2", "sale", "prohibited", "Student information is never rented, sold, or traded to anyone."),
    ("sale-plain-3", "sale", "prohibited", "Under no circumstances will we sell student data."),
    ("sale-values", "sale", "prohibited",
     "Selling student data is against everything we stand for, and we will not do it."),
    ("sale-merger-next", "sale", "limited",
     "We do not sell students' personal information. If Quillpath is acquired by or merged with another "
     "company, student information may be transferred to the new owner as part of the deal."),
    ("sale-bankruptcy", "sale", "limited",
     "Company does not sell Student Data. In the event of bankruptcy, insolvency or a sale of assets, Student "
     "Data may be among the assets transferred."),
    ("sale-reorganization", "sale", "limited",
     "We will never sell student information. Note that if Quillpath takes part in a reorganization or sale of "
     "the company, user data may be one of the transferred assets."),
    ("sale-assign-successor", "sale", "limited",
     "Company does not rent or sell Student Data to third parties. Company may assign this Agreement, and "
     "transfer Student Data, to any successor to its business."),
    ("sale-faq-bought", "sale", "limited",
     "Do you sell my data?\n\nNo, never.\n\nWhat if your company is bought?\n\nYour data would move with the "
     "company to its new owners."),
    ("sale-merger-bound", "sale", "prohibited",
     "We never sell student information. If we are acquired, the buyer must keep honoring the commitments in "
     "this policy for any student information it receives."),
    ("sale-merger-bound-bullet", "sale", "prohibited",
     "We do not sell student data.\n\nBusiness transfers: if we merge with or are bought by another company, "
     "student information will be transferred only to a successor that agrees to be bound by this privacy policy."),
    ("sale-transfer-only", "sale", "allowed",
     "If our company goes through a merger, acquisition or sale of all or part of its assets, your "
     "information may be transferred to the acquiring company."),
    ("sale-faq-transfer-only", "sale", "allowed",
     "What happens to my data if Quillpath is sold?\n\nIt goes to the new owner along with the rest of the business."),
    ("sale-affiliates", "sale", "limited",
     "We don't sell student information, except to companies in our corporate family."),
    ("sale-consent", "sale", "limited",
     "We won't sell or rent your personal information unless you tell us we can."),
    ("sale-allowed", "sale", "allowed",
     "We may sell or license individual usage data to third parties."),
    ("sale-other-state", "sale", "silent",
     "California residents: we do not sell the personal information of California consumers."),
    ("sale-statute", "sale", "prohibited",
     "Quillpath complies with Connecticut's student data privacy law, Conn. Gen. Stat. §§ 10-234aa through 10-234dd."),

    # ---------------------------------------------------------------- disclosure
    ("disc-bound-providers", "disclosure", "prohibited",
     "We share student information only with service providers who are contractually required to use it only "
     "to run Quillpath and to keep it confidential, and when the law requires us to."),
    ("disc-parent-permission", "disclosure", "limited",
     "We won't share your child's information with anyone outside Quillpath unless you give us permission."),
    ("disc-ferpa", "disclosure", "limited",
     "Company will not disclose Student Data to third parties except as permitted by FERPA."),
    ("disc-own-rights", "disclosure", "limited",
     "We do not disclose student information to third parties, except to protect our rights, property or safety."),
    ("disc-affiliates-partners", "disclosure", "limited",
     "We do not share personal information with third parties except with our affiliates and trusted partners."),
    ("disc-business", "disclosure", "allowed",
     "We may share the information we collect with third parties in connection with our business."),
    ("disc-any-lawful", "disclosure", "allowed",
     "We may disclose your information to other companies for any lawful purpose."),
    ("disc-see-fit", "disclosure", "allowed",
     "We may disclose personal information to third parties as we see fit."),
    ("disc-unbound-vendors", "disclosure", "limited",
     "We do not share student data with others, except with vendors who help us run the service."),
    ("disc-bound-next-sentence", "disclosure", "prohibited",
     "We don't share student data, except with the vendors that host and support Quillpath. Each vendor signs "
     "a contract that limits its use of the data to our service and bars it from passing the data on."),
    ("disc-list-only", "disclosure", "silent",
     "We will disclose student information when we believe in good faith that the law, a court order, or "
     "someone's safety requires it."),
    ("disc-teacher", "disclosure", "silent",
     "Students' names and scores are shared with the teacher and the school that set up the class."),
    ("disc-public-profile", "disclosure", "allowed",
     "Users' profile information, including name and photo, may be displayed publicly and indexed by search engines."),
    ("disc-faq-consent", "disclosure", "limited",
     "Can Quillpath give my information to other companies?\n\nNot without your consent. We keep student "
     "information private and share it with outside companies only when a student or parent says we may."),
    ("disc-dpa-list", "disclosure", "prohibited",
     "Provider shall not disclose Student Data to any third party except (a) to its subprocessors bound by written "
     "agreements at least as protective as this DPA, (b) as required by law, or (c) at the written direction of "
     "the District."),
    ("disc-undone-marketing", "disclosure", "allowed",
     "We keep student records confidential. We may also share information with our marketing partners so they "
     "can send you offers."),
    ("disc-partners-own", "disclosure", "allowed",
     "We may provide your information to partners, who may use it for their own purposes."),
    ("disc-as-described", "disclosure", "limited",
     "We do not share student information except as described in this Privacy Policy."),
    ("disc-statute", "disclosure", "prohibited",
     "Quillpath complies with Connecticut's student data privacy law, Conn. Gen. Stat. §§ 10-234aa through 10-234dd."),
    ("disc-list", "disclosure", "prohibited",
     "We will not release student information to anyone except when needed to comply with the law, answer a "
     "court order, or protect someone's safety."),
    ("disc-aggregate", "disclosure", "silent",
     "We may share aggregated, de-identified statistics with researchers to improve learning tools."),
    ("disc-plain-list", "disclosure", "prohibited",
     "We don't share student information with advertisers, data brokers or any other third parties."),
    ("disc-providers-same", "disclosure", "prohibited",
     "Student data is used only to provide the service to the school and is never shared with third parties "
     "except our hosting providers, who are contractually bound to the same restrictions."),
    ("disc-confidential", "disclosure", "prohibited", "Company will keep all Student Data strictly confidential."),
    ("disc-instructions-only", "disclosure", "silent", "Student data is processed only on the school's instructions."),
    ("disc-any-business-purpose", "disclosure", "allowed",
     "We may use and share the information we collect for any purpose consistent with our business."),

    # ---------------------------------------------------------------- audience
    ("aud-school-1", "audience", "school",
     "Quillpath is built for K-12 classrooms. Teachers create classes, and students join with a class code."),
    ("aud-school-faq", "audience", "school",
     "Is Quillpath free for teachers?\n\nYes. Schools and districts can also buy a site licence."),
    ("aud-school-platform", "audience", "school",
     "Quillpath is an educational platform for schools; district administrators manage student rosters."),
    ("aud-general-anyone", "audience", "general",
     "Quillpath is a note-taking app for anyone who wants to organise their thoughts, at work or at home."),
    ("aud-general-business", "audience", "general",
     "Our service is available to individuals and businesses of all sizes."),
    ("aud-general-adults", "audience", "general",
     "Quillpath is intended for adults aged 18 and over and is not directed to children under 13."),
    ("aud-general-everyone", "audience", "general",
     "Students, professionals and hobbyists of all ages use Quillpath to write."),
    ("aud-unclear-helps", "audience", "unclear",
     "Quillpath helps you write better. Create an account, start a document, and our tools suggest "
     "improvements as you type."),
    ("aud-unclear-terms", "audience", "unclear",
     "These Terms govern your use of the Quillpath website and apps. By creating an account you agree to them. "
     "We may update them from time to time."),
    ("aud-unclear-welcome", "audience", "unclear",
     "Welcome to Quillpath. Please read these terms carefully. If you have questions, write to us at "
     "help@quillpath.example."),
    ("aud-unclear-privacy", "audience", "unclear",
     "This privacy policy explains what information we collect when you use Quillpath, how we use it, and the "
     "choices you have. We collect the name and email address you give us and how you use the app."),
]

# A second set, written and labelled after the first round of fixes and scored once before any
# change: the first set was read while fixing, so it no longer measures new text on its own.
FRESH: list[tuple[str, str, str, str]] = [
    ("f-ads-behavioral", "targeted_advertising", "prohibited",
     "Quillpath does not serve behavioral advertising to students."),
    ("f-ads-networks", "targeted_advertising", "allowed",
     "We partner with ad networks that may collect device identifiers to show you ads across other apps."),
    ("f-ads-newsletter", "targeted_advertising", "limited",
     "We will not target ads to students based on their activity, except where a student has signed up for our "
     "promotional newsletter."),
    ("f-ads-page-only", "targeted_advertising", "prohibited",
     "Advertisements you see in Quillpath relate only to the content of the page you are on."),
    ("f-ads-no-personal", "targeted_advertising", "prohibited",
     "No personal information of students is used for advertising purposes."),
    ("f-prof-account-holder", "profiling", "limited",
     "We do not use student information to build profiles for behavioral advertising, unless the account holder agrees."),
    ("f-prof-partners", "profiling", "allowed",
     "Our partners may create profiles of your interests from your activity on our site to show you relevant offers."),
    ("f-prof-learning", "profiling", "silent",
     "Quillpath keeps a learning profile for each student that teachers use to plan lessons."),
    ("f-prof-school-purposes", "profiling", "prohibited",
     "Student Data will never be used to profile Students except in furtherance of school purposes."),
    ("f-sale-will-not", "sale", "prohibited", "We do not, and will not, sell or rent the personal information of students."),
    ("f-sale-surviving-entity", "sale", "limited",
     "We do not sell student data to third parties. Should Quillpath merge with or be acquired by another company, "
     "user records may transfer to the surviving entity."),
    ("f-sale-acquirer-bound", "sale", "prohibited",
     "We do not sell your data. In a corporate transaction such as a merger, any acquirer will be required to honor "
     "this privacy policy."),
    ("f-sale-deidentified", "sale", "silent", "We may share or sell aggregated, de-identified information."),
    ("f-sale-partners", "sale", "allowed", "We may sell information about our users to partners."),
    ("f-sale-parent-company", "sale", "limited", "We never sell student data, other than to our parent company."),
    ("f-sale-purchaser", "sale", "allowed",
     "If Quillpath is ever purchased, user data will be part of what the purchaser receives."),
    ("f-disc-law-safety", "disclosure", "prohibited",
     "We do not share student personal information with third parties, except as necessary to comply with "
     "applicable law or to protect the safety of our users."),
    ("f-disc-written-consent", "disclosure", "limited",
     "Student information is never disclosed to third parties without the written consent of a parent or "
     "eligible student."),
    ("f-disc-affiliates-marketing", "disclosure", "allowed",
     "We may share personal information with our affiliates, who may use it for their own marketing."),
    ("f-disc-school-and-hosts", "disclosure", "prohibited",
     "Quillpath will not sell or share student records with anyone other than the student's school and the service "
     "providers who host our app under contracts that forbid any other use of the data or passing it on."),
    ("f-disc-research-marketing", "disclosure", "allowed",
     "We may share your information with third parties for research, marketing and other purposes."),
    ("f-disc-unbound-vendors", "disclosure", "limited",
     "We do not share information with third parties except with vendors that help us deliver the service."),
    ("f-disc-authorize", "disclosure", "limited", "We won't disclose your information unless you authorize us to."),
    ("f-disc-ferpa", "disclosure", "limited", "We share data with other companies only as permitted under FERPA."),
    ("f-disc-notice", "disclosure", "limited",
     "Quillpath does not disclose student information, except as described in this notice."),
    ("f-disc-posts-anyone", "disclosure", "allowed", "We may make your posts and profile visible to anyone on the internet."),
    ("f-disc-subpoena", "disclosure", "silent",
     "Student information may be shared with law enforcement in response to a valid subpoena."),
    ("f-aud-grading", "audience", "school",
     "Quillpath gives classroom teachers tools to grade essays, and gives students feedback on their writing."),
    ("f-aud-anyone", "audience", "general", "Anyone can sign up for Quillpath, whether for work, study or fun."),
    ("f-aud-agree", "audience", "unclear", "By using this app you agree to these terms. We may change the app at any time."),
    ("f-aud-people", "audience", "general", "Quillpath is for people who love to write."),
    ("f-aud-account", "audience", "unclear",
     "Thank you for choosing Quillpath. Your account lets you save your work and come back to it later."),
]

# A third set, written and labelled after the second round and scored once: what it still gets
# wrong stays in KNOWN below.
THIRD: list[tuple[str, str, str, str]] = [
    ("t-ads-recommend", "targeted_advertising", "prohibited",
     "We use information about the lessons a student completes to recommend other lessons; we never use it to "
     "choose advertisements."),
    ("t-ads-analytics", "targeted_advertising", "allowed",
     "Third-party analytics and advertising companies may place cookies on your device to measure and personalize ads."),
    ("t-ads-no-space", "targeted_advertising", "prohibited", "We don't sell ad space in the student version of Quillpath."),
    ("t-ads-opted-in-first", "targeted_advertising", "limited",
     "Except where a parent has opted in, we do not show students personalized advertising."),
    ("t-ads-parents", "targeted_advertising", "silent", "We may show ads to parents about other Quillpath products."),
    ("t-prof-marketers", "profiling", "allowed",
     "We may use student activity data to create a profile that we share with marketers."),
    ("t-prof-non-educational", "profiling", "prohibited",
     "Quillpath never compiles profiles of students for non-educational purposes."),
    ("t-prof-personalise", "profiling", "silent", "We analyze each learner's answers to personalise their next exercises."),
    ("t-sale-value", "sale", "prohibited", "Quillpath will not trade student data for money or anything else of value."),
    ("t-sale-out-of-business", "sale", "limited",
     "We do not sell student information; however, if we go out of business, our assets, including user data, may "
     "be sold to another company."),
    ("t-sale-parent-consent", "sale", "limited",
     "We will never sell student data, except with the consent of the student's parent."),
    ("t-sale-offers", "sale", "allowed",
     "Personal information may be sold to third parties who offer products you might like."),
    ("t-sale-successor-bound", "sale", "prohibited",
     "Company does not sell Student Data. Any successor entity will be bound by the same data protection "
     "obligations set out here."),
    ("t-disc-contractors", "disclosure", "prohibited",
     "We never give student data to anyone outside Quillpath, except contractors who are contractually obligated "
     "to keep it confidential and use it only for our service."),
    ("t-disc-student-asks", "disclosure", "limited",
     "We do not share student information with third parties, except when the student asks us to connect their "
     "account to another app."),
    ("t-disc-school-law", "disclosure", "prohibited",
     "Student data stays between Quillpath and your school: we do not share it with anyone else, except to "
     "follow the law."),
    ("t-disc-direct-marketing", "disclosure", "allowed",
     "We may share your personal information with third parties for their direct marketing purposes."),
    ("t-disc-allowed-by-law", "disclosure", "limited",
     "We will not disclose student records to third parties, except as allowed under applicable privacy laws."),
    ("t-disc-showcase", "disclosure", "allowed",
     "Quillpath may publish students' names and essays on its public showcase page."),
    ("t-aud-standards", "audience", "school", "Quillpath helps schools meet their writing standards."),
    ("t-aud-login", "audience", "unclear", "Log in with your email and password to continue."),
    ("t-aud-consumers", "audience", "general", "Our products serve consumers and small businesses worldwide."),
    ("t-aud-classrooms", "audience", "school", "Designed for middle and high school classrooms."),
    ("t-aud-anything", "audience", "unclear", "Quillpath is an app you can use to write anything."),
]

# Cases the vetting still reads wrongly, each with why (filled in after the fresh score: strict, so
# a fix that makes one pass must remove it from here).
KNOWN: dict[str, str] = {}


def reading(what: str, passage: str) -> str:
    """What `vet_texts` reports for ``what`` (a restriction id or "audience") on ``passage``."""
    if what == "audience":
        return vet_texts([("terms.txt", passage)]).audience
    return vet_texts([("terms.txt", FOR_SCHOOLS + passage)]).restriction(what).status


COSTLY = {"limited": {"prohibited", "silent"}, "allowed": {"prohibited", "silent"}, "school": {"general"},
          "unclear": {"general"}}


@pytest.mark.parametrize("case_id, what, expected, passage",
                         [pytest.param(*c, id=c[0], marks=[pytest.mark.xfail(strict=True, reason=KNOWN[c[0]])]
                                       if c[0] in KNOWN else []) for c in CASES + FRESH + THIRD])
def test_a_challenge_passage_is_read_as_labelled(case_id, what, expected, passage):
    assert reading(what, passage) == expected


def test_the_challenge_set_is_large_enough_and_covers_every_class():
    assert len(CASES) >= 60
    assert len({c[0] for c in CASES + FRESH + THIRD}) == len(CASES) + len(FRESH) + len(THIRD)
    for what in ("targeted_advertising", "profiling", "sale", "disclosure"):
        assert {e for _, w, e, _ in CASES if w == what} == {"prohibited", "limited", "silent", "allowed"}
    assert {e for _, w, e, _ in CASES if w == "audience"} == {"school", "general", "unclear"}


def score(cases: list[tuple[str, str, str, str]]) -> None:
    """Print the agreement per class and the costly errors (the figures in docs/vetting.md)."""
    by: dict[str, list[int]] = {}
    costly, wrong = 0, []
    for case_id, what, expected, passage in cases:
        got = reading(what, passage)
        row = by.setdefault(what, [0, 0])
        row[0] += got == expected
        row[1] += 1
        if got != expected:
            wrong.append(f"{case_id}: {expected} -> {got}")
            costly += got in COSTLY.get(expected, set())
    for what, (ok, n) in by.items():
        print(f"{what:22} {ok}/{n} {100 * ok / n:.1f}%")
    total = sum(ok for ok, _ in by.values())
    print(f"{'all':22} {total}/{len(cases)} {100 * total / len(cases):.1f}%   costly errors: {costly}")
    print("\n".join(wrong))


if __name__ == "__main__":
    for title, cases in (("first set", CASES), ("second set", FRESH), ("third set", THIRD)):
        print(f"## {title}")
        score(cases)
