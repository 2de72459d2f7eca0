// Two invented articles shared by the engine tests.
#pragma once

#include "fixtures.h"

namespace tkg::enginetest {

inline const std::vector<std::string> kCyberDeterrence = {"cyber deterrence", "cybersecurity"};
inline const std::vector<std::string> kCyber = {"cybersecurity"};

// Outlet "Harbor Ledger": Chancellor Mara Quell and Omar Reyes on a firewall plan.
inline ArticleBuilder HarborArticle() {
  ArticleBuilder b(
      "https://harbor-ledger.example/2016/03/firewall", "Harbor Ledger",
      "Council backs firewall plan",
      "Chancellor Mara Quell said the city would fund a new firewall program. \"We will not be "
      "caught unprepared again,\" Quell told reporters on March 3. President Quell added that "
      "hospitals come first. Omar Reyes, director of the Harbor Cyber Office, said the office had "
      "tracked the intrusions since 2015.",
      "2016-03-04");
  Role chancellor{"Chancellor", "", Tv("2016-03-04"), b.Find("Chancellor")};
  std::string quell =
      b.AddActor("Mara Quell", ActorType::kPerson, {"Quell", "President Quell"}, {chancellor});
  Role director{"director", "Harbor Cyber Office", Tv("2016-03-04"), b.Find("director")};
  std::string reyes = b.AddActor("Omar Reyes", ActorType::kPerson, {"Reyes"}, {director});
  b.AddActor("Harbor Cyber Office", ActorType::kOrganization);
  b.Say(quell, "Mara Quell",
        "Chancellor Mara Quell said the city would fund a new firewall program.",
        "the city would fund a new firewall program", "2016-03", kCyberDeterrence);
  b.Say(quell, "Mara Quell",
        "\"We will not be caught unprepared again,\" Quell told reporters on March 3.",
        "We will not be caught unprepared again", "2016-03-03", kCyber)
      .direct = true;
  b.Say(quell, "Mara Quell", "President Quell added that hospitals come first.",
        "hospitals come first", "", {"health"});
  b.Say(reyes, "Omar Reyes",
        "Omar Reyes, director of the Harbor Cyber Office, said the office had tracked the "
        "intrusions since 2015.",
        "the office had tracked the intrusions since 2015", "2016", kCyber, 0.4f);
  b.AddEvent("announcement", "told reporters on March 3", "2016-03-03", {quell});
  return b;
}

// Outlet "Northern Wire": Quell meets Governor Ilse Brandt.
inline ArticleBuilder NorthernArticle() {
  ArticleBuilder b("https://northern-wire.example/quell-brandt", "Northern Wire",
                   "Quell meets regional leaders",
                   "Mara Quell met Governor Ilse Brandt in Kestrel on April 2. Brandt said the "
                   "talks on grid security were frank. Quell said the region must invest in "
                   "cyber defence.",
                   "2016-04-03");
  std::string quell = b.AddActor("Mara Quell", ActorType::kPerson, {"Quell", "Chancellor Quell"});
  std::string brandt =
      b.AddActor("Ilse Brandt", ActorType::kPerson, {"Brandt", "Governor Brandt"},
                 {Role{"Governor", "Kestrel", Tv("2016-04-03"), b.Find("Governor")}});
  b.AddActor("Kestrel", ActorType::kPlace);
  b.Say(brandt, "Ilse Brandt", "Brandt said the talks on grid security were frank.",
        "the talks on grid security were frank", "2016-04-02", kCyber);
  b.Say(quell, "Mara Quell", "Quell said the region must invest in cyber defence.",
        "the region must invest in cyber defence", "2016-04-02", kCyberDeterrence);
  b.AddEvent("meeting", "met Governor Ilse Brandt in Kestrel on April 2", "2016-04-02",
             {quell, brandt});
  return b;
}

}  // namespace tkg::enginetest
