package dev.nanomeet.camel;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;

import org.apache.camel.spi.BeanRepository;

/** Makes CDI beans visible to Camel: {@code #name} and {@code bean:name} find {@code @Named} beans. */
public class CdiBeanRepository implements BeanRepository {

    private final BeanManager beanManager;

    public CdiBeanRepository(BeanManager beanManager) {
        this.beanManager = beanManager;
    }

    @Override
    public Object lookupByName(String name) {
        return lookupByNameAndType(name, Object.class);
    }

    @Override
    public <T> T lookupByNameAndType(String name, Class<T> type) {
        Set<Bean<?>> beans = new HashSet<>();
        for (Bean<?> bean : beanManager.getBeans(name)) {
            if (bean.getTypes().stream().anyMatch(t -> t instanceof Class<?> c && type.isAssignableFrom(c))) {
                beans.add(bean);
            }
        }
        if (beans.isEmpty()) {
            return null;
        }
        return type.cast(reference(beanManager.resolve(beans), type));
    }

    @Override
    public <T> Map<String, T> findByTypeWithName(Class<T> type) {
        Map<String, T> found = new HashMap<>();
        for (Bean<?> bean : beanManager.getBeans(type, Any.Literal.INSTANCE)) {
            if (bean.getName() != null) {
                found.put(bean.getName(), type.cast(reference(bean, type)));
            }
        }
        return found;
    }

    @Override
    public <T> Set<T> findByType(Class<T> type) {
        Set<T> found = new HashSet<>();
        for (Bean<?> bean : beanManager.getBeans(type, Any.Literal.INSTANCE)) {
            found.add(type.cast(reference(bean, type)));
        }
        return found;
    }

    private Object reference(Bean<?> bean, Class<?> type) {
        return beanManager.getReference(bean, type, beanManager.createCreationalContext(bean));
    }
}
