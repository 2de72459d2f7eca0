// Where a statement's content ends and who its source is, for shapes news uses often: a
// subordinate clause, a contrast, a stance verb's object, a time adverbial before the cue.
// The sentences are written for these tests.
#include <catch2/catch.hpp>

#include "extract_helpers.h"

using namespace tkg;
using namespace tkg::testing;

TEST_CASE("attribution: a cue inside a subordinate clause ends at the main clause",
          "[attribution]") {
  auto g = ExtractArticle(
      "Harbour Dues\n\nWhile Mayor Ilse Brandt said that the harbour dues would stay as they are, "
      "the council voted to raise them in June.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "harbour dues would stay");
  REQUIRE(s != nullptr);
  CHECK(s->speaker == "Ilse Brandt");
  CHECK(s->text == "the harbour dues would stay as they are");
}

TEST_CASE("attribution: a contrast after a comma is the writer's, not the speaker's",
          "[attribution]") {
  auto g = ExtractArticle(
      "Tram Plans\n\nTransport chief Oskar Lind says the tram line is on schedule, but residents "
      "along the route remain sceptical.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "tram line is on schedule");
  REQUIRE(s != nullptr);
  CHECK(s->text == "the tram line is on schedule");
}

TEST_CASE("attribution: another speaker's participle ends the content", "[attribution]") {
  auto g = ExtractArticle(
      "Bridge Tolls\n\nThe ministry said tolls would fall in May, citing lower maintenance "
      "costs.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "tolls would fall");
  REQUIRE(s != nullptr);
  CHECK(s->text == "tolls would fall in May");
}

TEST_CASE("attribution: a stance verb's object that is a name stops at the name", "[attribution]") {
  auto g = ExtractArticle(
      "Endorsements\n\nThe dockworkers' union endorsed Ms. Arnesen in December, a month before "
      "the vote.\n\nCouncillor Pia Holm praised Arnesen's housing plan on Thursday.\n\n"
      "Senator Rune Dahl slammed Arnesen as unfit for the office.\n",
      "2019-03-09");
  const Statement* e = FindStatement(g, "Arnesen");
  REQUIRE(e != nullptr);
  CHECK(e->text == "Ms. Arnesen");
  const Statement* p = FindStatement(g, "housing plan");
  REQUIRE(p != nullptr);
  CHECK(p->text == "Arnesen's housing plan");
  // A complement with "as" belongs to the stance.
  const Statement* d = FindStatement(g, "unfit for the office");
  REQUIRE(d != nullptr);
  CHECK(d->text == "Arnesen as unfit for the office");
}

TEST_CASE("attribution: a time adverbial between the source and the cue", "[attribution]") {
  auto g = ExtractArticle(
      "Water Rates\n\nUtility spokesman Henrik Aas on Thursday evening said the rates would not "
      "change this year.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "rates would not change");
  REQUIRE(s != nullptr);
  CHECK(s->speaker == "Henrik Aas");
  // "Thursday evening ... that" is no adverbial before a that-clause: the content keeps it all.
  auto h = ExtractArticle(
      "Water Rates\n\nThe company said Thursday its main worry is that the reservoir is low.\n",
      "2019-03-09");
  const Statement* w = FindStatement(h, "main worry");
  REQUIRE(w != nullptr);
  CHECK(w->text.find("its main worry is that the reservoir is low") != std::string::npos);
}

TEST_CASE("attribution: a long apposition between the source and the cue", "[attribution]") {
  auto g = ExtractArticle(
      "Radio Ratings\n\nBo Fredriksen, a talk show host and operations manager at the oldest "
      "community radio station in the northern districts, said that listeners had changed their "
      "minds after the debate.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "listeners had changed their minds");
  REQUIRE(s != nullptr);
  CHECK(s->speaker == "Bo Fredriksen");
}

TEST_CASE("attribution: a quoted question after 'asked,'", "[attribution]") {
  auto g = ExtractArticle(
      "Interview\n\nHost Maja Roth asked, \"Will the port reopen before the summer?\"\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "Will the port reopen");
  REQUIRE(s != nullptr);
  CHECK(s->speaker.find("Maja Roth") != std::string::npos);
  CHECK(s->direct);
}

TEST_CASE("attribution: nouns that look like base-form cues are not statements", "[attribution]") {
  auto g = ExtractArticle(
      "Evening Television\n\nThe host of a late-night talk show \"Harbour Lights\" met the mayor "
      "on Friday.\n\nRecent surveys show that most residents want longer opening hours.\n",
      "2019-03-09");
  CHECK(FindStatement(g, "Harbour Lights") == nullptr);
  const Statement* s = FindStatement(g, "most residents want longer opening hours");
  REQUIRE(s != nullptr);
  CHECK(s->cue == "show");
}

TEST_CASE("attribution: an addressee after an inverted cue is not the speaker", "[attribution]") {
  auto g = ExtractArticle(
      "Grain Prices\n\nPrices will rise before the harvest, told reporters a trader on the "
      "floor.\n\nThe Corn Board will meet on Monday, referring to Klara Ek, its chair.\n",
      "2019-03-09");
  for (const auto& s : g.statements) {
    CHECK(s.speaker != "Klara Ek");
    CHECK(s.cue != "told");
  }
}

TEST_CASE("attribution: 'according to X' in the middle of a sentence", "[attribution]") {
  auto g = ExtractArticle(
      "Canal Budget\n\nAt the root of the delay, according to engineer Lise Vang, a former "
      "adviser to the port, was a shortage of steel for the new locks.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "shortage of steel");
  REQUIRE(s != nullptr);
  CHECK(s->speaker.find("Lise Vang") != std::string::npos);
  CHECK(s->text.find("At the root of the delay") == 0);
  CHECK(s->text.find("former adviser") == std::string::npos);
  // A relative clause after the source is about the source, not more content.
  auto h = ExtractArticle(
      "Canal Budget\n\nThe locks will open in May, according to Lise Vang, who advised the port "
      "for a decade.\n",
      "2019-03-09");
  const Statement* t = FindStatement(h, "locks will open");
  REQUIRE(t != nullptr);
  CHECK(t->text.find("advised") == std::string::npos);
}

TEST_CASE("attribution: an addressee and an adverbial before 'that' are not content",
          "[attribution]") {
  auto g = ExtractArticle(
      "Alliance Talks\n\nAmbassador Pieter Holm told reporters after the closing session that "
      "the alliance would publish new guidance.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "alliance would publish");
  REQUIRE(s != nullptr);
  CHECK(s->text == "the alliance would publish new guidance");
}

TEST_CASE("attribution: a time right after the cue dates the statement, it is not content",
          "[attribution]") {
  auto g = ExtractArticle(
      "Router Flaws\n\nSecurity researchers disclosed on Monday a set of flaws in the firmware "
      "of home routers.\n",
      "2019-03-09");  // a Saturday
  const Statement* s = FindStatement(g, "a set of flaws");
  REQUIRE(s != nullptr);
  CHECK(s->text.find("Monday") == std::string::npos);
  CHECK(s->date.value == "2019-03-04");
}

TEST_CASE("attribution: a sentence that opens with the poll it reports", "[attribution]") {
  auto g = ExtractArticle(
      "Ferry Poll\n\nIn the latest harbour survey, a majority of residents were happy with the new "
      "ferry "
      "schedule.\n\nIn a statement, the ministry said the schedule would start in May.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "residents were happy");
  REQUIRE(s != nullptr);
  CHECK(s->rule == "in_document");
  CHECK(SpanText(g.article.text, s->source_span) == "the latest harbour survey");
  // With a reporting verb of its own the sentence is the ministry's, not the statement's.
  const Statement* m = FindStatement(g, "schedule would start");
  REQUIRE(m != nullptr);
  CHECK(m->rule != "in_document");
  CHECK(m->speaker.find("ministry") != std::string::npos);
}

TEST_CASE("attribution: a one-word answer is content", "[attribution]") {
  auto g = ExtractArticle(
      "Ferry Poll\n\nAsked whether the fares would rise, the harbour master said no.\n",
      "2019-03-09");
  bool found = false;
  for (const auto& s : g.statements) found |= s.text == "no" && s.cue == "said";
  CHECK(found);
}

TEST_CASE("attribution: a dateline or a sentence adverb is not the subject", "[attribution]") {
  auto g = ExtractArticle(
      "Port Strike\n\nHALDEN — Mayor Siri Moe visited the docks on Friday, saying the strike "
      "had to end soon.\n\nUltimately, Minister Arne Dahl left the talks early, saying the "
      "offer was final.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "strike had to end");
  REQUIRE(a != nullptr);
  CHECK(a->speaker.find("Siri Moe") != std::string::npos);
  const Statement* b = FindStatement(g, "offer was final");
  REQUIRE(b != nullptr);
  CHECK(b->speaker.find("Arne Dahl") != std::string::npos);
}

TEST_CASE("attribution: 'compared with' and 'back' are no stance verbs", "[attribution]") {
  auto g = ExtractArticle(
      "Harbour Trade\n\nThe harbour handled more cargo in March, compared with a weak February, "
      "the port authority said.\n\nThe mayor came back to the council on Friday with a plan "
      "for a second quay.\n",
      "2019-03-09");
  for (const auto& s : g.statements) {
    CHECK(s.cue != "compared");
    CHECK(s.cue != "back");
  }
  const Statement* s = FindStatement(g, "handled more cargo");
  REQUIRE(s != nullptr);
  CHECK(s->speaker.find("port authority") != std::string::npos);
}

TEST_CASE("attribution: stance and reporting verbs of general English", "[attribution]") {
  auto g = ExtractArticle(
      "Quay Plan\n\nCouncillor Ebba Lind lambasted the quay plan as a waste of money.\n\n"
      "Harbour master Tor Ask retorted that the old quay was unsafe.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "waste of money");
  REQUIRE(a != nullptr);
  CHECK(a->speaker.find("Ebba Lind") != std::string::npos);
  const Statement* b = FindStatement(g, "old quay was unsafe");
  REQUIRE(b != nullptr);
  CHECK(b->cue == "retorted");
}

TEST_CASE("attribution: quotations around a source in mid-sentence", "[attribution]") {
  auto g = ExtractArticle(
      "Dock Wages\n\nAsked whether the strike would spread, Ola Berg said, \"Not this "
      "week.\"\n\nA wage rise, she said, \"would keep the young workers here.\"\n\n\"The risk,\" "
      "said Kari Nes, an economist at the port bank, \"is that the ships go elsewhere.\"\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "Not this week");
  REQUIRE(a != nullptr);
  CHECK(a->text == "Not this week");
  const Statement* b = FindStatement(g, "young workers");
  REQUIRE(b != nullptr);
  CHECK(b->text.find("A wage rise") == 0);
  const Statement* c = FindStatement(g, "The risk");
  REQUIRE(c != nullptr);
  CHECK(c->text.find("ships go elsewhere") != std::string::npos);
}

TEST_CASE("attribution: a quotation woven into the writer's clause keeps the clause",
          "[attribution]") {
  auto g = ExtractArticle(
      "Dock Wages\n\nThe dispute will need weeks to \"cool off,\" Ola Berg said on Friday.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "cool off");
  REQUIRE(s != nullptr);
  CHECK(s->text.find("The dispute will need weeks") == 0);
}

TEST_CASE("attribution: a stance object with a role between names", "[attribution]") {
  auto g = ExtractArticle(
      "Endorsements\n\nThe dockers' union endorsed Labour mayoral candidate Nina Aas in "
      "November.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "Nina Aas");
  REQUIRE(s != nullptr);
  CHECK(s->text == "Labour mayoral candidate Nina Aas");
}

TEST_CASE("attribution: a participle opening the sentence speaks for its subject",
          "[attribution]") {
  auto g = ExtractArticle(
      "Port Queue\n\nNoting that the anchorage was full, harbour master Ola Berg ordered the "
      "ships to wait.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "anchorage was full");
  REQUIRE(s != nullptr);
  CHECK(s->speaker.find("Ola Berg") != std::string::npos);
  CHECK(s->text == "the anchorage was full");
}

TEST_CASE("attribution: any noun phrase right after a quotation is its source", "[attribution]") {
  auto g = ExtractArticle(
      "Court Letters\n\n\"We need him at home,\" his wife, Ana Lazar, wrote in a letter to the "
      "judge.\n\n\"The fleet is ready,\" the shipping mogul told reporters.\n\nJust last week, "
      "J.J. Holm, editor at large of The Harbour Post, an old weekly, wrote, \"We should think "
      "of the war.\"\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "We need him at home");
  REQUIRE(a != nullptr);
  CHECK(SpanText(g.article.text, a->source_span).find("his wife") != std::string_view::npos);
  const Statement* b = FindStatement(g, "The fleet is ready");
  REQUIRE(b != nullptr);
  CHECK(SpanText(g.article.text, b->source_span) == "the shipping mogul");
  const Statement* c = FindStatement(g, "think of the war");
  REQUIRE(c != nullptr);
  CHECK(c->speaker.find("Holm") != std::string::npos);
  CHECK(c->text == "We should think of the war");
}

TEST_CASE("attribution: a quotation goes on in the next sentence and the next paragraph",
          "[attribution]") {
  auto g = ExtractArticle(
      "Harbour Wall\n\n\"We will build a new sea wall!\" the mayor said to a cheering crowd.\n\n"
      "\"And the state will pay for it. They do not know it yet.\"\n\nThe cost of the wall is "
      "\"twice the budget,\" she said. \"Nobody planned for that.\"\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "new sea wall");
  REQUIRE(a != nullptr);
  CHECK(a->text.find("They do not know it yet") != std::string::npos);
  const Statement* b = FindStatement(g, "twice the budget");
  REQUIRE(b != nullptr);
  CHECK(b->text.find("The cost of the wall") == 0);
  CHECK(b->text.find("Nobody planned for that") != std::string::npos);
}

TEST_CASE("attribution: the head of 'the organizer of a rally' speaks", "[attribution]") {
  auto g = ExtractArticle(
      "Harbour Rally\n\nEven the organizer of a pro-harbour rally said the rules made violence "
      "more likely.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "rules made violence");
  REQUIRE(s != nullptr);
  CHECK(SpanText(g.article.text, s->source_span) == "the organizer of a pro-harbour rally");
}

TEST_CASE("attribution: a quotation after an adverbial, and a sentence opening with 'Said'",
          "[attribution]") {
  auto g = ExtractArticle(
      "Harbour Tech\n\nAs Ola Berg said last week in Bergen, \"The harbour is the centre of the "
      "digital future.\"\n\nSaid Kari Nes, \"The thought of it is very painful to us.\"\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "centre of the digital future");
  REQUIRE(a != nullptr);
  CHECK(a->text.find("Bergen") == std::string::npos);
  CHECK(a->speaker.find("Ola Berg") != std::string::npos);
  const Statement* b = FindStatement(g, "very painful");
  REQUIRE(b != nullptr);
  CHECK(b->speaker.find("Kari Nes") != std::string::npos);
}

TEST_CASE("attribution: straight quotes with a space before the closing mark", "[attribution]") {
  auto g = ExtractArticle(
      "Court Ruling\n\n\"The judge should be ashamed. It is a disgrace, \" Mayor Ola Berg "
      "said.\n\n\"The drop is due to the emails,\" said a person close to the campaign. \"That is "
      "why the polls moved.\"\n\n\"They would be wrong,\" Kari Nes, a spokeswoman, said in Salem, "
      "Ore. \"The race goes on.\"\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "It is a disgrace");
  REQUIRE(a != nullptr);
  CHECK(a->speaker.find("Ola Berg") != std::string::npos);
  const Statement* b = FindStatement(g, "due to the emails");
  REQUIRE(b != nullptr);
  CHECK(SpanText(g.article.text, b->source_span) == "a person close to the campaign");
  CHECK(b->text.find("why the polls moved") != std::string::npos);
  const Statement* c = FindStatement(g, "They would be wrong");
  REQUIRE(c != nullptr);
  CHECK(c->text.find("The race goes on") != std::string::npos);
}

TEST_CASE("attribution: a passive cue reports nothing its subject said", "[attribution]") {
  auto g = ExtractArticle(
      "Harbour Court\n\nThe harbour master was charged with neglect of the quay.\n\nThe "
      "dockers were told that the quay would close.\n",
      "2019-03-09");
  for (const auto& s : g.statements) {
    CHECK(s.cue != "charged");
    CHECK(s.cue != "told");
  }
}

TEST_CASE("attribution: a speaker's own stance inside their words is not said twice",
          "[attribution]") {
  auto g = ExtractArticle(
      "Quay Safety\n\nMayor Ola Berg said she believes the old quay is unsafe.\n\nHarbour master "
      "Kari Nes said the minister told her that the port would close in May.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "old quay is unsafe");
  REQUIRE(a != nullptr);
  CHECK(a->cue == "said");
  CHECK(a->text == "she believes the old quay is unsafe");
  for (const auto& s : g.statements) CHECK(s.cue != "believes");
  // Another speaker inside the words stays: the minister told her.
  bool minister = false;
  for (const auto& s : g.statements)
    minister |= s.cue == "told" && s.speaker.find("minister") != std::string::npos;
  CHECK(minister);
}

TEST_CASE("attribution: the writer's adjuncts and relative clauses are not content",
          "[attribution]") {
  auto g = ExtractArticle(
      "Quay Vote\n\nThe council declared war on the quay plan, leading to a long dispute with "
      "the port.\n\nMayor Ola Berg, who has criticized the plan and its cost, voted against it "
      "on Friday.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "war on the quay plan");
  REQUIRE(a != nullptr);
  CHECK(a->text == "war on the quay plan");
  const Statement* b = FindStatement(g, "the plan and its cost");
  REQUIRE(b != nullptr);
  CHECK(b->text == "the plan and its cost");
}

TEST_CASE("attribution: after a quotation a long adverbial follows the cue", "[attribution]") {
  auto g = ExtractArticle(
      "Harbour\n\n\"The harbour will not wait for us,\" Pia Holm, the chair of the port board, "
      "said of the meeting she had last week with the shipping companies in Bergen.\n\n"
      "\"Will anyone pay for it?\" Holm asked rhetorically during a debate late last month.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "harbour will not wait");
  REQUIRE(a != nullptr);
  CHECK(a->text == "The harbour will not wait for us");
  CHECK(a->speaker == "Pia Holm");
  const Statement* b = FindStatement(g, "anyone pay");
  REQUIRE(b != nullptr);
  CHECK(b->text == "Will anyone pay for it?");
}

TEST_CASE("attribution: a stance verb's possessive object keeps its clause", "[attribution]") {
  auto g = ExtractArticle(
      "Tests\n\nSenator Rune Dahl condemned Norway's decision to close the northern "
      "hospital in winter.\n\nDahl endorsed Ilse Brandt, the mayor of Bergen.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "decision");
  REQUIRE(a != nullptr);
  CHECK(a->text == "Norway's decision to close the northern hospital in winter");
  const Statement* b = FindStatement(g, "Brandt");
  REQUIRE(b != nullptr);
  CHECK(b->text == "Ilse Brandt, the mayor of Bergen");
}

TEST_CASE("attribution: a stance verb's object ends before the writer's additions",
          "[attribution]") {
  auto g = ExtractArticle(
      "Tram Budget\n\nCouncillor Pia Holm criticized the tram budget, even as her party voted "
      "for it.\n\nThe mayor praised the harbour plan, and at one point the crowd cheered.\n\n"
      "Holm praised the drivers, the cleaners, and the engineers.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "tram budget");
  REQUIRE(a != nullptr);
  CHECK(a->text == "the tram budget");
  const Statement* b = FindStatement(g, "harbour plan");
  REQUIRE(b != nullptr);
  CHECK(b->text == "the harbour plan");
  // A list's last item is still the object.
  const Statement* c = FindStatement(g, "drivers");
  REQUIRE(c != nullptr);
  CHECK(c->text == "the drivers, the cleaners, and the engineers");
}

TEST_CASE("attribution: a participle cue after a closed quotation ends the content",
          "[attribution]") {
  auto g = ExtractArticle(
      "Ferries\n\nHolm told the Bergen Post that the timetable was \"a mess from the start,\" "
      "adding, \"Nobody asked the crews.\"\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "timetable was");
  REQUIRE(a != nullptr);
  CHECK(a->text.rfind("the timetable was \"a mess from the start", 0) == 0);
  CHECK(a->text.find("adding") == std::string::npos);
  CHECK(a->text.find("Nobody") == std::string::npos);
}

TEST_CASE("attribution: 'said to applause' names the audience, not a passive", "[attribution]") {
  auto g = ExtractArticle("Rally\n\n\"We will rebuild the harbour,\" Holm said to loud applause.\n",
                          "2019-03-09");
  const Statement* a = FindStatement(g, "rebuild the harbour");
  REQUIRE(a != nullptr);
  CHECK(a->speaker == "Holm");
}

TEST_CASE("attribution: a time between a directive's addressee and its infinitive dates the call",
          "[attribution][dating]") {
  auto g = ExtractArticle(
      "Deterrence\n\nDefence Minister Kadri Tamm called on allied governments on Monday to agree "
      "on a shared doctrine.\n",
      "2017-03-02");
  const Statement* s = FindStatement(g, "shared doctrine");
  REQUIRE(s != nullptr);
  CHECK(s->text == "allied governments to agree on a shared doctrine");
  CHECK(s->date.value == "2017-02-27");
}

TEST_CASE("attribution: a time clause with 'as <pronoun>' is the writer's", "[attribution]") {
  auto g = ExtractArticle(
      "Harbour\n\nHolm says she is confident about the harbour vote as she faces a difficult "
      "week.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "confident");
  REQUIRE(s != nullptr);
  CHECK(s->text == "she is confident about the harbour vote");
}

TEST_CASE("attribution: ', and' a noun phrase and a reporting verb is another source",
          "[attribution]") {
  auto g = ExtractArticle(
      "Ferry Poll\n\nMost islanders said the new ferry timetable was worse than the old one, and "
      "many older commuters said they would drive instead.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "ferry timetable");
  REQUIRE(a != nullptr);
  CHECK(a->text == "the new ferry timetable was worse than the old one");
}

TEST_CASE("attribution: a stance verb's object of joined names or names before a plural noun",
          "[attribution]") {
  auto g = ExtractArticle(
      "Harbour Race\n\nMayor Ola Berg endorsed Kari Lund and Nils Dahl on Friday.\n\n"
      "Pia Holm has criticized Labour councillors for delaying the quay.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "Kari Lund");
  REQUIRE(a != nullptr);
  CHECK(a->text == "Kari Lund and Nils Dahl");
  const Statement* b = FindStatement(g, "councillors");
  REQUIRE(b != nullptr);
  CHECK(b->text == "Labour councillors for delaying the quay");
}

TEST_CASE("attribution: a stance verb's object ends before 'and' + the source's next action",
          "[attribution]") {
  auto g = ExtractArticle(
      "Quay Vote\n\nMayor Ola Berg opposed the quay plan and later voted to fund a study of "
      "it.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "quay plan");
  REQUIRE(a != nullptr);
  CHECK(a->text == "the quay plan");
}

TEST_CASE("attribution: a dash before 'and' + a reporting clause ends the content",
          "[attribution]") {
  auto g = ExtractArticle(
      "Quay Vote\n\nPia Holm said the quay would cost far too much \xE2\x80\x94 and she noted that "
      "the port "
      "board had agreed.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "cost far too much");
  REQUIRE(a != nullptr);
  CHECK(a->text == "the quay would cost far too much");
}

TEST_CASE("attribution: a name and its own reporting participle end the content", "[attribution]") {
  auto g = ExtractArticle(
      "Quay Talks\n\nThe two mayors issued a statement expressing hope for the quay talks, "
      "Berg saying the port would gain and Holm calling it a fair deal.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "hope for the quay talks");
  REQUIRE(a != nullptr);
  CHECK(a->text == "hope for the quay talks");
  const Statement* b = FindStatement(g, "port would gain");
  REQUIRE(b != nullptr);
  CHECK(b->text == "the port would gain");
  const Statement* c = FindStatement(g, "fair deal");
  REQUIRE(c != nullptr);
  CHECK(c->speaker == "Holm");
}

TEST_CASE("attribution: 'with Name <reporting participle>' is another source's statement",
          "[attribution]") {
  auto g = ExtractArticle(
      "Quay Talks\n\nPort workers said they were tired of the delays, with Lund calling the "
      "board's plan a waste of time.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "tired of the delays");
  REQUIRE(a != nullptr);
  CHECK(a->text == "they were tired of the delays");
  const Statement* b = FindStatement(g, "waste of time");
  REQUIRE(b != nullptr);
  CHECK(b->speaker == "Lund");
}

TEST_CASE("attribution: an adjunct after a quotation closed with its comma is the writer's",
          "[attribution]") {
  auto g = ExtractArticle(
      "Quay Vote\n\nOla Berg said the quay was \"a costly mistake,\" although he voted for it "
      "twice.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "costly mistake");
  REQUIRE(a != nullptr);
  CHECK(a->text == "the quay was \"a costly mistake,\"");
}

TEST_CASE("attribution: 'and' + a reporting clause after a quotation closed with its comma",
          "[attribution]") {
  auto g = ExtractArticle(
      "Quay Vote\n\nOla Berg said the quay was \"far too costly,\" and he warned that the port "
      "would lose its ferries.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "far too costly");
  REQUIRE(a != nullptr);
  CHECK(a->text == "the quay was \"far too costly,\"");
  const Statement* b = FindStatement(g, "lose its ferries");
  REQUIRE(b != nullptr);
  CHECK(b->text == "the port would lose its ferries");
}

TEST_CASE("attribution: 'and' + the source's next action after a quotation closed with its comma",
          "[attribution]") {
  auto g = ExtractArticle(
      "Quay Vote\n\nOla Berg said the quay was \"a monument to waste,\" and walked out of the "
      "council meeting.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "monument to waste");
  REQUIRE(a != nullptr);
  CHECK(a->text == "the quay was \"a monument to waste,\"");
}

TEST_CASE("attribution: a stance verb's object ends before the writer's 'while' clause",
          "[attribution]") {
  auto g = ExtractArticle(
      "Quay Vote\n\nMost fishermen backed the quay plan while the ferry crews opposed it.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "quay plan");
  REQUIRE(a != nullptr);
  CHECK(a->text == "the quay plan");
}

TEST_CASE("attribution: 'and he said' without a comma begins another statement", "[attribution]") {
  auto g = ExtractArticle(
      "Quay Vote\n\nOla Berg said the quay would open in May and he said the ferries would "
      "follow in June.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "open in May");
  REQUIRE(a != nullptr);
  CHECK(a->text == "the quay would open in May");
  const Statement* b = FindStatement(g, "follow in June");
  REQUIRE(b != nullptr);
  CHECK(b->text == "the ferries would follow in June");
}

TEST_CASE("attribution: 'said so' and 'as much' are the answer, the adverbial after is not",
          "[attribution]") {
  auto g = ExtractArticle(
      "Quay Vote\n\nThe quay will close for a year. Harbour master Pia Holm said as much in an "
      "interview with the local radio on Friday.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "as much");
  REQUIRE(a != nullptr);
  CHECK(a->text == "as much");
}

TEST_CASE("attribution: a participle inside the subject ends before the main reporting verb",
          "[attribution]") {
  auto g = ExtractArticle(
      "Quay Vote\n\nKari Lund, citing the rising cost, said the quay was a mistake.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "rising cost");
  REQUIRE(a != nullptr);
  CHECK(a->text == "the rising cost");
  const Statement* b = FindStatement(g, "quay was a mistake");
  REQUIRE(b != nullptr);
  CHECK(b->speaker == "Kari Lund");
}

TEST_CASE("attribution: a relative clause inside the reported subject does not end the content",
          "[attribution]") {
  auto g = ExtractArticle(
      "Quay Vote\n\nMayor Ines Dahl warned that the new operator, which took over the pier in "
      "June, would raise the fees.\n\nDahl said the fees were set by Oskar Lind, who chairs the "
      "board.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "new operator");
  REQUIRE(a != nullptr);
  CHECK(a->text == "the new operator, which took over the pier in June, would raise the fees");
  // Where no verb of the reported clause follows, the clause is about the name and ends it.
  const Statement* b = FindStatement(g, "fees were set");
  REQUIRE(b != nullptr);
  CHECK(b->text.find("chairs") == std::string::npos);
}
