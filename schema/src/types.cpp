#include "tkg/schema/types.h"

namespace tkg {

std::string_view DateBasisName(DateBasis b) {
  switch (b) {
    case DateBasis::kExplicit:
      return "explicit";
    case DateBasis::kContext:
      return "context";
    case DateBasis::kPublished:
      return "published";
    case DateBasis::kNone:
      break;
  }
  return "none";
}

std::string_view ActorTypeName(ActorType t) {
  switch (t) {
    case ActorType::kPerson:
      return "person";
    case ActorType::kOrganization:
      return "organization";
    case ActorType::kPlace:
      return "place";
    case ActorType::kGroup:
      return "group";
  }
  return "person";
}

bool ParseActorType(std::string_view name, ActorType* out) {
  for (ActorType t : {ActorType::kPerson, ActorType::kOrganization, ActorType::kPlace,
                      ActorType::kGroup}) {
    if (ActorTypeName(t) == name) {
      *out = t;
      return true;
    }
  }
  if (name == "organisation") {
    *out = ActorType::kOrganization;
    return true;
  }
  if (name == "location") {
    *out = ActorType::kPlace;
    return true;
  }
  return false;
}

}  // namespace tkg
