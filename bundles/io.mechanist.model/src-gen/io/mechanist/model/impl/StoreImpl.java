/**
 */
package io.mechanist.model.impl;

import io.mechanist.model.AnalysisResult;
import io.mechanist.model.Capture;
import io.mechanist.model.Dataset;
import io.mechanist.model.MechanistPackage;
import io.mechanist.model.ModelRef;
import io.mechanist.model.Store;
import io.mechanist.model.StoredSae;
import io.mechanist.model.StoredVector;

import java.util.Collection;
import java.util.Date;

import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.common.notify.NotificationChain;

import org.eclipse.emf.common.util.EList;
import org.eclipse.emf.common.util.EMap;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.InternalEObject;

import org.eclipse.emf.ecore.impl.ENotificationImpl;
import org.eclipse.emf.ecore.impl.MinimalEObjectImpl;

import org.eclipse.emf.ecore.util.EObjectContainmentEList;
import org.eclipse.emf.ecore.util.EcoreEMap;
import org.eclipse.emf.ecore.util.InternalEList;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>Store</b></em>'.
 * <!-- end-user-doc -->
 * <p>
 * The following features are implemented:
 * </p>
 * <ul>
 *   <li>{@link io.mechanist.model.impl.StoreImpl#getName <em>Name</em>}</li>
 *   <li>{@link io.mechanist.model.impl.StoreImpl#getFormatVersion <em>Format Version</em>}</li>
 *   <li>{@link io.mechanist.model.impl.StoreImpl#getCreatedAt <em>Created At</em>}</li>
 *   <li>{@link io.mechanist.model.impl.StoreImpl#getModels <em>Models</em>}</li>
 *   <li>{@link io.mechanist.model.impl.StoreImpl#getDatasets <em>Datasets</em>}</li>
 *   <li>{@link io.mechanist.model.impl.StoreImpl#getCaptures <em>Captures</em>}</li>
 *   <li>{@link io.mechanist.model.impl.StoreImpl#getVectors <em>Vectors</em>}</li>
 *   <li>{@link io.mechanist.model.impl.StoreImpl#getResults <em>Results</em>}</li>
 *   <li>{@link io.mechanist.model.impl.StoreImpl#getProperties <em>Properties</em>}</li>
 *   <li>{@link io.mechanist.model.impl.StoreImpl#getSaes <em>Saes</em>}</li>
 * </ul>
 *
 * @generated
 */
public class StoreImpl extends MinimalEObjectImpl.Container implements Store {
	/**
	 * The default value of the '{@link #getName() <em>Name</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getName()
	 * @generated
	 * @ordered
	 */
	protected static final String NAME_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getName() <em>Name</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getName()
	 * @generated
	 * @ordered
	 */
	protected String name = NAME_EDEFAULT;

	/**
	 * The default value of the '{@link #getFormatVersion() <em>Format Version</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getFormatVersion()
	 * @generated
	 * @ordered
	 */
	protected static final int FORMAT_VERSION_EDEFAULT = 1;

	/**
	 * The cached value of the '{@link #getFormatVersion() <em>Format Version</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getFormatVersion()
	 * @generated
	 * @ordered
	 */
	protected int formatVersion = FORMAT_VERSION_EDEFAULT;

	/**
	 * The default value of the '{@link #getCreatedAt() <em>Created At</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getCreatedAt()
	 * @generated
	 * @ordered
	 */
	protected static final Date CREATED_AT_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getCreatedAt() <em>Created At</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getCreatedAt()
	 * @generated
	 * @ordered
	 */
	protected Date createdAt = CREATED_AT_EDEFAULT;

	/**
	 * The cached value of the '{@link #getModels() <em>Models</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getModels()
	 * @generated
	 * @ordered
	 */
	protected EList<ModelRef> models;

	/**
	 * The cached value of the '{@link #getDatasets() <em>Datasets</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getDatasets()
	 * @generated
	 * @ordered
	 */
	protected EList<Dataset> datasets;

	/**
	 * The cached value of the '{@link #getCaptures() <em>Captures</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getCaptures()
	 * @generated
	 * @ordered
	 */
	protected EList<Capture> captures;

	/**
	 * The cached value of the '{@link #getVectors() <em>Vectors</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getVectors()
	 * @generated
	 * @ordered
	 */
	protected EList<StoredVector> vectors;

	/**
	 * The cached value of the '{@link #getResults() <em>Results</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getResults()
	 * @generated
	 * @ordered
	 */
	protected EList<AnalysisResult> results;

	/**
	 * The cached value of the '{@link #getProperties() <em>Properties</em>}' map.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getProperties()
	 * @generated
	 * @ordered
	 */
	protected EMap<String, String> properties;

	/**
	 * The cached value of the '{@link #getSaes() <em>Saes</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSaes()
	 * @generated
	 * @ordered
	 */
	protected EList<StoredSae> saes;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected StoreImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return MechanistPackage.Literals.STORE;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getName() {
		return name;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setName(String newName) {
		String oldName = name;
		name = newName;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.STORE__NAME, oldName, name));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getFormatVersion() {
		return formatVersion;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setFormatVersion(int newFormatVersion) {
		int oldFormatVersion = formatVersion;
		formatVersion = newFormatVersion;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.STORE__FORMAT_VERSION, oldFormatVersion, formatVersion));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Date getCreatedAt() {
		return createdAt;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setCreatedAt(Date newCreatedAt) {
		Date oldCreatedAt = createdAt;
		createdAt = newCreatedAt;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.STORE__CREATED_AT, oldCreatedAt, createdAt));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<ModelRef> getModels() {
		if (models == null) {
			models = new EObjectContainmentEList<ModelRef>(ModelRef.class, this, MechanistPackage.STORE__MODELS);
		}
		return models;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<Dataset> getDatasets() {
		if (datasets == null) {
			datasets = new EObjectContainmentEList<Dataset>(Dataset.class, this, MechanistPackage.STORE__DATASETS);
		}
		return datasets;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<Capture> getCaptures() {
		if (captures == null) {
			captures = new EObjectContainmentEList<Capture>(Capture.class, this, MechanistPackage.STORE__CAPTURES);
		}
		return captures;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<StoredVector> getVectors() {
		if (vectors == null) {
			vectors = new EObjectContainmentEList<StoredVector>(StoredVector.class, this, MechanistPackage.STORE__VECTORS);
		}
		return vectors;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<AnalysisResult> getResults() {
		if (results == null) {
			results = new EObjectContainmentEList<AnalysisResult>(AnalysisResult.class, this, MechanistPackage.STORE__RESULTS);
		}
		return results;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EMap<String, String> getProperties() {
		if (properties == null) {
			properties = new EcoreEMap<String,String>(MechanistPackage.Literals.STRING_ENTRY, StringEntryImpl.class, this, MechanistPackage.STORE__PROPERTIES);
		}
		return properties;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<StoredSae> getSaes() {
		if (saes == null) {
			saes = new EObjectContainmentEList<StoredSae>(StoredSae.class, this, MechanistPackage.STORE__SAES);
		}
		return saes;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public NotificationChain eInverseRemove(InternalEObject otherEnd, int featureID, NotificationChain msgs) {
		switch (featureID) {
			case MechanistPackage.STORE__MODELS:
				return ((InternalEList<?>)getModels()).basicRemove(otherEnd, msgs);
			case MechanistPackage.STORE__DATASETS:
				return ((InternalEList<?>)getDatasets()).basicRemove(otherEnd, msgs);
			case MechanistPackage.STORE__CAPTURES:
				return ((InternalEList<?>)getCaptures()).basicRemove(otherEnd, msgs);
			case MechanistPackage.STORE__VECTORS:
				return ((InternalEList<?>)getVectors()).basicRemove(otherEnd, msgs);
			case MechanistPackage.STORE__RESULTS:
				return ((InternalEList<?>)getResults()).basicRemove(otherEnd, msgs);
			case MechanistPackage.STORE__PROPERTIES:
				return ((InternalEList<?>)getProperties()).basicRemove(otherEnd, msgs);
			case MechanistPackage.STORE__SAES:
				return ((InternalEList<?>)getSaes()).basicRemove(otherEnd, msgs);
		}
		return super.eInverseRemove(otherEnd, featureID, msgs);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Object eGet(int featureID, boolean resolve, boolean coreType) {
		switch (featureID) {
			case MechanistPackage.STORE__NAME:
				return getName();
			case MechanistPackage.STORE__FORMAT_VERSION:
				return getFormatVersion();
			case MechanistPackage.STORE__CREATED_AT:
				return getCreatedAt();
			case MechanistPackage.STORE__MODELS:
				return getModels();
			case MechanistPackage.STORE__DATASETS:
				return getDatasets();
			case MechanistPackage.STORE__CAPTURES:
				return getCaptures();
			case MechanistPackage.STORE__VECTORS:
				return getVectors();
			case MechanistPackage.STORE__RESULTS:
				return getResults();
			case MechanistPackage.STORE__PROPERTIES:
				if (coreType) return getProperties();
				else return getProperties().map();
			case MechanistPackage.STORE__SAES:
				return getSaes();
		}
		return super.eGet(featureID, resolve, coreType);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@SuppressWarnings("unchecked")
	@Override
	public void eSet(int featureID, Object newValue) {
		switch (featureID) {
			case MechanistPackage.STORE__NAME:
				setName((String)newValue);
				return;
			case MechanistPackage.STORE__FORMAT_VERSION:
				setFormatVersion((Integer)newValue);
				return;
			case MechanistPackage.STORE__CREATED_AT:
				setCreatedAt((Date)newValue);
				return;
			case MechanistPackage.STORE__MODELS:
				getModels().clear();
				getModels().addAll((Collection<? extends ModelRef>)newValue);
				return;
			case MechanistPackage.STORE__DATASETS:
				getDatasets().clear();
				getDatasets().addAll((Collection<? extends Dataset>)newValue);
				return;
			case MechanistPackage.STORE__CAPTURES:
				getCaptures().clear();
				getCaptures().addAll((Collection<? extends Capture>)newValue);
				return;
			case MechanistPackage.STORE__VECTORS:
				getVectors().clear();
				getVectors().addAll((Collection<? extends StoredVector>)newValue);
				return;
			case MechanistPackage.STORE__RESULTS:
				getResults().clear();
				getResults().addAll((Collection<? extends AnalysisResult>)newValue);
				return;
			case MechanistPackage.STORE__PROPERTIES:
				((EStructuralFeature.Setting)getProperties()).set(newValue);
				return;
			case MechanistPackage.STORE__SAES:
				getSaes().clear();
				getSaes().addAll((Collection<? extends StoredSae>)newValue);
				return;
		}
		super.eSet(featureID, newValue);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void eUnset(int featureID) {
		switch (featureID) {
			case MechanistPackage.STORE__NAME:
				setName(NAME_EDEFAULT);
				return;
			case MechanistPackage.STORE__FORMAT_VERSION:
				setFormatVersion(FORMAT_VERSION_EDEFAULT);
				return;
			case MechanistPackage.STORE__CREATED_AT:
				setCreatedAt(CREATED_AT_EDEFAULT);
				return;
			case MechanistPackage.STORE__MODELS:
				getModels().clear();
				return;
			case MechanistPackage.STORE__DATASETS:
				getDatasets().clear();
				return;
			case MechanistPackage.STORE__CAPTURES:
				getCaptures().clear();
				return;
			case MechanistPackage.STORE__VECTORS:
				getVectors().clear();
				return;
			case MechanistPackage.STORE__RESULTS:
				getResults().clear();
				return;
			case MechanistPackage.STORE__PROPERTIES:
				getProperties().clear();
				return;
			case MechanistPackage.STORE__SAES:
				getSaes().clear();
				return;
		}
		super.eUnset(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public boolean eIsSet(int featureID) {
		switch (featureID) {
			case MechanistPackage.STORE__NAME:
				return NAME_EDEFAULT == null ? name != null : !NAME_EDEFAULT.equals(name);
			case MechanistPackage.STORE__FORMAT_VERSION:
				return formatVersion != FORMAT_VERSION_EDEFAULT;
			case MechanistPackage.STORE__CREATED_AT:
				return CREATED_AT_EDEFAULT == null ? createdAt != null : !CREATED_AT_EDEFAULT.equals(createdAt);
			case MechanistPackage.STORE__MODELS:
				return models != null && !models.isEmpty();
			case MechanistPackage.STORE__DATASETS:
				return datasets != null && !datasets.isEmpty();
			case MechanistPackage.STORE__CAPTURES:
				return captures != null && !captures.isEmpty();
			case MechanistPackage.STORE__VECTORS:
				return vectors != null && !vectors.isEmpty();
			case MechanistPackage.STORE__RESULTS:
				return results != null && !results.isEmpty();
			case MechanistPackage.STORE__PROPERTIES:
				return properties != null && !properties.isEmpty();
			case MechanistPackage.STORE__SAES:
				return saes != null && !saes.isEmpty();
		}
		return super.eIsSet(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String toString() {
		if (eIsProxy()) return super.toString();

		StringBuilder result = new StringBuilder(super.toString());
		result.append(" (name: ");
		result.append(name);
		result.append(", formatVersion: ");
		result.append(formatVersion);
		result.append(", createdAt: ");
		result.append(createdAt);
		result.append(')');
		return result.toString();
	}

} //StoreImpl
