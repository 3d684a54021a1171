enum what { EV_NONE_OLD = 0 };
enum ev_kind { EV_NONE = 0, EV_FORK = 1 };
struct ev_event { enum ev_kind what; int pid; };
