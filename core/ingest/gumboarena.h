#pragma once

#include <cstddef>
#include <cstdlib>

namespace Entente::Core {

/// Memory for one gumbo parse. gumbo_destroy_output() frees the tree recursively, which overflows
/// the stack on deep documents; instead every allocation is linked into a list that this arena
/// releases in one loop when it goes out of scope. Pass `allocate`/`deallocate` and the arena as
/// `GumboOptions::allocator`/`deallocator`/`userdata`, and never call gumbo_destroy_output().
/// One arena per parse; not shared between threads.
class GumboArena final
{
public:
    GumboArena()
    {
        m_head.prev = &m_head;
        m_head.next = &m_head;
    }
    ~GumboArena()
    {
        Header *h = m_head.next;
        while (h != &m_head) {
            Header *next = h->next;
            std::free(h);
            h = next;
        }
    }
    GumboArena(const GumboArena &) = delete;
    GumboArena &operator=(const GumboArena &) = delete;

    static void *allocate(void *userData, size_t size)
    {
        auto *arena = static_cast<GumboArena *>(userData);
        auto *h = static_cast<Header *>(std::malloc(sizeof(Header) + size));
        if (h == nullptr) {
            // gumbo has no failure path for allocation; fail like operator new without a handler.
            std::abort();
        }
        h->next = &arena->m_head;
        h->prev = arena->m_head.prev;
        arena->m_head.prev->next = h;
        arena->m_head.prev = h;
        return h + 1;
    }

    static void deallocate(void * /*userData*/, void *ptr)
    {
        if (ptr == nullptr) {
            return;
        }
        Header *h = static_cast<Header *>(ptr) - 1;
        h->prev->next = h->next;
        h->next->prev = h->prev;
        std::free(h);
    }

private:
    struct alignas(std::max_align_t) Header
    {
        Header *prev;
        Header *next;
    };
    Header m_head;
};

} // namespace Entente::Core
